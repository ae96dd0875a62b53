/**
 * Cross-field rules for one producer: a unique id, either events to a known topic or commands to
 * a known service, never both. Registers the producer.
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
  const rule =
    'a producer either appends events (topic and event) or sends commands (command and to)';
  if (events === commands) {
    const has = events ? 'both topic/event and command/to' : 'neither topic/event nor command/to';
    errors.push({ path, message: `producer "${id}" has ${has}; ${rule}` });
  } else if (events) {
    if (producer.topic === undefined)
      errors.push({ path: `${path}.topic`, message: `topic is missing; ${rule}` });
    else if (!registry.topics.has(producer.topic)) {
      errors.push({ path: `${path}.topic`, message: unknownTopic(producer.topic, registry) });
    }
    if (producer.event === undefined)
      errors.push({ path: `${path}.event`, message: `event is missing; ${rule}` });
  } else {
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
  }
}
