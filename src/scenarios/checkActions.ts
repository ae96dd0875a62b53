/**
 * Cross-field rules for the actions, taken in time order so that an action may refer to what an
 * earlier one created (an added service, its group, new partitions).
 */
import type { TimedCommand } from '../engine';
import { checkService } from './checkService';
import { unknownName } from './referenceRegistry';
import type { ReferenceRegistry } from './referenceRegistry';
import type { ScenarioError } from './scenarioError';
import { splitInstanceName } from './splitInstanceName';

/** Actions in time order (ties in file order): an `addService` makes its service known later on. */
export function checkActions(
  actions: readonly TimedCommand[],
  registry: ReferenceRegistry,
  errors: ScenarioError[],
) {
  const order = actions.map((_, index) => index);
  order.sort((a, b) => (actions[a]?.atMs ?? 0) - (actions[b]?.atMs ?? 0) || a - b);
  for (const index of order) {
    const action = actions[index];
    if (action === undefined) continue;
    const path = `actions[${index}]`;
    const when = ` at ${action.atMs} ms`;
    const refer = (
      field: string,
      kind: string,
      name: string,
      known: ReadonlyMap<string, unknown>,
    ) => {
      if (!known.has(name))
        errors.push({ path: `${path}.${field}`, message: unknownName(kind, name, known, when) });
    };
    switch (action.type) {
      case 'crash':
      case 'hang':
      case 'resume':
      case 'stop':
      case 'start':
      case 'slow': {
        const serviceId = splitInstanceName(action.target)?.serviceId ?? action.target;
        if (!registry.services.has(serviceId)) {
          errors.push({
            path: `${path}.target`,
            message: `target "${action.target}" names an instance of service "${serviceId}", which does not exist${when} (instances are named <service id>-<index>)`,
          });
        }
        break;
      }
      case 'scale':
      case 'setIdempotent':
      case 'query':
        refer('service', 'service', action.service, registry.services);
        break;
      case 'addService':
        checkService(action.service, `${path}.service`, registry, errors);
        break;
      case 'resetOffsets':
        refer('group', 'consumer group', action.group, registry.groups);
        break;
      case 'pauseProducer':
      case 'resumeProducer':
      case 'setRate':
      case 'burst':
        refer('producer', 'producer', action.producer, registry.producers);
        break;
      case 'produce': {
        refer('producer', 'producer', action.producer, registry.producers);
        const topic = registry.producers.get(action.producer)?.topic;
        const partitions = topic === undefined ? undefined : registry.topics.get(topic);
        if (
          action.partition !== undefined &&
          partitions !== undefined &&
          action.partition >= partitions
        ) {
          errors.push({
            path: `${path}.partition`,
            message: `partition is ${action.partition}; topic "${topic}" has ${partitions} partitions (0 to ${partitions - 1})${when}`,
          });
        }
        break;
      }
      case 'addPartitions': {
        const current = registry.topics.get(action.topic);
        if (current === undefined) refer('topic', 'topic', action.topic, registry.topics);
        else if (action.partitions <= current) {
          errors.push({
            path: `${path}.partitions`,
            message: `partitions is ${action.partitions}; it must be more than the ${current} partitions topic "${action.topic}" has${when} (Kafka can only add partitions)`,
          });
        } else registry.topics.set(action.topic, action.partitions);
        break;
      }
      case 'crashBroker':
      case 'startBroker':
      case 'delayNetwork':
      case 'restoreNetwork':
        if (registry.brokers < 2) {
          errors.push({ path: `${path}.type`, message: `${action.type} needs a scenario with "brokers": 2 or more (this one has ${registry.brokers}, which never fails)` });
        } else if (action.broker >= registry.brokers) {
          errors.push({ path: `${path}.broker`, message: `broker is ${action.broker}; the scenario has ${registry.brokers} brokers (0 to ${registry.brokers - 1})${when}` });
        }
        break;
      default:
        action satisfies never;
    }
  }
}
