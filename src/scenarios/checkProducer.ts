/**
 * Cross-field rules for one producer: a unique id, and exactly one of events to a known topic,
 * commands to a known service or calls to known services (each once). Registers the producer.
 */
import type { ProducerSpec } from '../engine';
import { unknownName, unknownTopic } from './referenceRegistry';
import type { ReferenceRegistry } from './referenceRegistry';
import type { ScenarioError } from './scenarioError';

export function checkProducer(
  producer: ProducerSpec,
  path: string,
  registry: ReferenceRegistry,
  errors: ScenarioError[],
) {
  const { id } = producer;
  if (registry.producers.has(id)) {
    const first = [...registry.producers.keys()].indexOf(id);
    errors.push({
      path: `${path}.id`,
      message: `producer id "${id}" is already used by producers[${first}]; producer ids must be unique`,
    });
  } else registry.producers.set(id, producer);
  const events = producer.topic !== undefined || producer.event !== undefined;
  const commands = producer.command !== undefined || producer.to !== undefined;
  const calls = producer.calls !== undefined;
  const rule =
    'a producer either appends events (topic and event), sends commands (command and to) or calls services (calls)';
  const kinds = [events && 'topic/event', commands && 'command/to', calls && 'calls'].filter(
    (kind): kind is string => typeof kind === 'string',
  );
  if (kinds.length !== 1) {
    const has =
      kinds.length === 0 ? 'neither topic/event, command/to nor calls' : `both ${kinds.join(' and ')}`;
    errors.push({ path, message: `producer "${id}" has ${has}; ${rule}` });
  } else if (events) {
    if (producer.topic === undefined)
      errors.push({ path: `${path}.topic`, message: `topic is missing; ${rule}` });
    else if (!registry.topics.has(producer.topic)) {
      errors.push({ path: `${path}.topic`, message: unknownTopic(producer.topic, registry) });
    }
    if (producer.event === undefined)
      errors.push({ path: `${path}.event`, message: `event is missing; ${rule}` });
  } else if (commands) {
    if (producer.command === undefined)
      errors.push({ path: `${path}.command`, message: `command is missing; ${rule}` });
    if (producer.to === undefined)
      errors.push({ path: `${path}.to`, message: `to is missing; ${rule}` });
    else if (!registry.services.has(producer.to)) {
      errors.push({
        path: `${path}.to`,
        message: unknownName('service', producer.to, registry.services),
      });
    }
  } else {
    producer.calls!.targets.forEach((target, index) => {
      const at = `${path}.calls.targets[${index}]`;
      if (!registry.services.has(target)) {
        errors.push({ path: at, message: unknownName('service', target, registry.services) });
      } else if (producer.calls!.targets.indexOf(target) < index) {
        errors.push({
          path: at,
          message: `service "${target}" is listed twice in targets; a call chain calls each service once`,
        });
      }
    });
  }
}
