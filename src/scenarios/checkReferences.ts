/**
 * The rules between fields of a scenario whose fields are each valid: unique names, and
 * references between topics, services, producers and actions that resolve.
 */
import type { Scenario } from '../engine';
import { checkActions } from './checkActions';
import { checkProducer } from './checkProducer';
import { checkService } from './checkService';
import type { ReferenceRegistry } from './referenceRegistry';
import type { ScenarioError } from './scenarioError';

/** Topics first, then services, producers and actions, each seeing what came before it. */
export function checkReferences(scenario: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const registry: ReferenceRegistry = {
    topics: new Map(),
    services: new Map(),
    groups: new Map(),
    producers: new Map(),
    commandOwners: new Set(scenario.producers.flatMap((producer) => [...(producer.to === undefined ? [] : [producer.to]), ...(producer.calls?.targets ?? [])])),
    brokers: scenario.brokers ?? 1,
  };
  scenario.topics.forEach((topic, index) => {
    const factor = topic.config?.['replication.factor'];
    if (factor !== undefined && factor > registry.brokers) {
      errors.push({
        path: `topics[${index}].config["replication.factor"]`,
        message: `replication.factor is ${factor}; it must be at most the number of brokers (${registry.brokers}), as Kafka requires`,
      });
    }
  });
  scenario.topics.forEach((topic, index) => {
    const first = scenario.topics.findIndex((other) => other.name === topic.name);
    if (first < index) {
      errors.push({
        path: `topics[${index}].name`,
        message: `topic name "${topic.name}" is already used by topics[${first}]; topic names must be unique`,
      });
    } else registry.topics.set(topic.name, topic.partitions);
  });
  scenario.services.forEach((service, index) =>
    checkService(service, `services[${index}]`, registry, errors),
  );
  scenario.producers.forEach((producer, index) =>
    checkProducer(producer, `producers[${index}]`, registry, errors),
  );
  checkActions(scenario.actions ?? [], registry, errors);
  return errors;
}
