// The consumer's fetch configs with Kafka's names, defaults and bounds (contract 7): accepted, and refused by path.
import { describe, expect, it } from 'vitest';
import { KAFKA_CONSUMER_DEFAULTS } from '../engine';
import { formatScenarioErrors, parseScenario, type ParseResult } from './parseScenario';
import { accepted, withValue } from './parseScenarioTestSupport';

function expectError(result: ParseResult, path: string, ...parts: string[]): void {
  if (result.ok) throw new Error(`expected an error at ${path}, but the scenario was accepted`);
  const error = result.errors.find((each) => each.path === path);
  expect(error, formatScenarioErrors(result.errors)).toBeDefined();
  for (const part of parts) expect(error?.message).toContain(part);
}

const withConfig = (config: unknown) => parseScenario(withValue(['services', 0, 'config'], config));

describe('services[].config fetch settings', () => {
  it("has Kafka's defaults", () => {
    expect(KAFKA_CONSUMER_DEFAULTS).toMatchObject({ fetchMinBytes: 1, fetchMaxWaitMs: 500, maxPartitionFetchBytes: 1_048_576, fetchMaxBytes: 52_428_800 });
  });

  it('accepts the four fetch configs, 0 included (Kafka: atLeast(0)), without warnings', () => {
    const config = { 'fetch.min.bytes': 0, 'fetch.max.wait.ms': 0, 'max.partition.fetch.bytes': 2500, 'fetch.max.bytes': 2_147_483_647 };
    const result = accepted(withConfig(config));
    expect(result.warnings).toEqual([]);
    expect(result.scenario.services[0]!.config).toMatchObject(config);
  });

  it('refuses negative, fractional and out-of-int values, naming the field', () => {
    expectError(withConfig({ 'fetch.min.bytes': -1 }), 'services[0].config["fetch.min.bytes"]');
    expectError(withConfig({ 'fetch.max.wait.ms': 1.5 }), 'services[0].config["fetch.max.wait.ms"]');
    expectError(withConfig({ 'max.partition.fetch.bytes': 'big' }), 'services[0].config["max.partition.fetch.bytes"]');
    expectError(withConfig({ 'fetch.max.bytes': 2_147_483_648 }), 'services[0].config["fetch.max.bytes"]');
  });
});
