// Producer configs with Kafka's names (contract 7): accepted, and refused where Kafka refuses.
import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, parseScenario, type ParseResult } from './parseScenario';
import { accepted, withValue } from './parseScenarioTestSupport';

function expectError(result: ParseResult, path: string, ...parts: string[]): void {
  if (result.ok) throw new Error(`expected an error at ${path}, but the scenario was accepted`);
  const error = result.errors.find((each) => each.path === path);
  expect(error, formatScenarioErrors(result.errors)).toBeDefined();
  for (const part of parts) expect(error?.message).toContain(part);
}

const withConfig = (config: unknown) => parseScenario(withValue(['producers', 0, 'config'], config));

describe('producers[].config', () => {
  it("accepts Kafka's producer configs, even those that matter only once brokers exist, without warnings", () => {
    const result = accepted(
      withConfig({
        acks: '1',
        retries: 3,
        'retry.backoff.ms': 100,
        'request.timeout.ms': 30_000,
        'delivery.timeout.ms': 120_000,
        'max.in.flight.requests.per.connection': 5,
        'linger.ms': 5,
        'metadata.max.age.ms': 300_000,
      }),
    );
    expect(result.warnings).toEqual([]);
    expect(result.scenario.producers[0]!.config?.acks).toBe('1');
  });

  it('refuses an explicitly idempotent producer with acks other than all, zero retries or more than 5 requests in flight', () => {
    expectError(withConfig({ 'enable.idempotence': true, acks: '1' }), 'producers[0].config.acks', '"all"');
    expectError(withConfig({ 'enable.idempotence': true, retries: 0 }), 'producers[0].config.retries', 'above 0');
    expectError(withConfig({ 'enable.idempotence': true, 'max.in.flight.requests.per.connection': 6 }), 'producers[0].config["max.in.flight.requests.per.connection"]', 'at most 5');
    // Left at its default, idempotence is turned off quietly instead (Kafka 3.2+).
    accepted(withConfig({ acks: '0', retries: 0 }));
  });

  it('refuses a delivery timeout shorter than linger.ms + request.timeout.ms, naming both', () => {
    expectError(withConfig({ 'delivery.timeout.ms': 1000, 'linger.ms': 10, 'request.timeout.ms': 2000 }), 'producers[0].config["delivery.timeout.ms"]', '10 + 2000 = 2010');
  });

  it('refuses unknown values with the field named', () => {
    expectError(withConfig({ acks: 'some' }), 'producers[0].config.acks');
    expectError(withConfig({ retries: -1 }), 'producers[0].config.retries');
  });
});
