/**
 * Cross-field rules for one service (in the scenario or added by an action): unique ids and
 * groups, instance names that do not collide, and topics that exist. Registers the service.
 */
import type { ServiceSpec } from '../engine';
import { unknownTopic } from './referenceRegistry';
import type { ReferenceRegistry } from './referenceRegistry';
import { pathTo } from './scenarioError';
import type { ScenarioError } from './scenarioError';

export function checkService(
  service: ServiceSpec,
  path: string,
  registry: ReferenceRegistry,
  errors: ScenarioError[],
) {
  const { id } = service;
  const definedAt = registry.services.get(id);
  if (definedAt !== undefined) {
    errors.push({
      path: `${path}.id`,
      message: `service id "${id}" is already used by ${definedAt}; service ids must be unique`,
    });
  } else {
    for (const other of registry.services.keys()) {
      const [instance, owner] = isInstanceName(id, other) ? [id, other] : [other, id];
      if (isInstanceName(instance, owner)) {
        errors.push({
          path: `${path}.id`,
          message: `service ids "${id}" and "${other}" collide: "${instance}" is also the name of instance ${instance.slice(owner.length + 1)} of service "${owner}" (instances are named <service id>-<index>)`,
        });
      }
    }
    registry.services.set(id, path);
    const groupId = service.config?.['group.id'] ?? id;
    const groupOwner = registry.groups.get(groupId);
    if (groupOwner === undefined) registry.groups.set(groupId, id);
    else {
      const explicit = service.config?.['group.id'] !== undefined;
      errors.push({
        path: explicit ? pathTo(path, ['config', 'group.id']) : `${path}.id`,
        message: `group id "${groupId}" is already the consumer group of service "${groupOwner}"; two services may not share a group.id`,
      });
    }
  }
  if (service.subscribe.length === 0 && !registry.commandOwners.has(id)) {
    errors.push({
      path: `${path}.subscribe`,
      message: `subscribe is an empty list; service "${id}" must subscribe to at least one topic unless a producer sends it commands ("to": "${id}") or calls it (calls.targets)`,
    });
  }
  service.subscribe.forEach((topic, index) => {
    const at = pathTo(path, ['subscribe', index]);
    if (!registry.topics.has(topic))
      errors.push({ path: at, message: unknownTopic(topic, registry) });
    else if (service.subscribe.indexOf(topic) < index) {
      errors.push({
        path: at,
        message: `topic "${topic}" is listed twice in subscribe; list each topic once`,
      });
    }
  });
  if (service.emitTo !== undefined && !registry.topics.has(service.emitTo)) {
    errors.push({ path: `${path}.emitTo`, message: unknownTopic(service.emitTo, registry) });
  }
}

/** Whether `name` is `<serviceId>-<digits>`, the form of that service's instance names. */
function isInstanceName(name: string, serviceId: string): boolean {
  return name.startsWith(`${serviceId}-`) && /^[0-9]+$/.test(name.slice(serviceId.length + 1));
}
