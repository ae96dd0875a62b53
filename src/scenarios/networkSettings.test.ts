// The `network` object (contract 7): one one-way latency, accepted without warnings, refused
// with the field, the value and the limit; the engine fills the default when it is absent.
import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK_LATENCY_MS, resolveNetworkConfig } from '../engine/network';
import { formatScenarioErrors, parseScenario } from './parseScenario';
import { accepted, EXAMPLE, withValue } from './parseScenarioTestSupport';

function errorAt(value: unknown, path: string): string {
  const result = parseScenario(withValue(['network'], value));
  if (result.ok) throw new Error(`expected an error at ${path}, but the scenario was accepted`);
  const error = result.errors.find((each) => each.path === path);
  expect(error, formatScenarioErrors(result.errors)).toBeDefined();
  return error?.message ?? '';
}

describe('the network object', () => {
  it('accepts latencyMs from 0 to 10,000 without warnings', () => {
    for (const latencyMs of [0, 3, 10_000]) {
      const result = accepted(parseScenario(withValue(['network'], { latencyMs })));
      expect(result.warnings).toEqual([]);
      expect(result.scenario.network).toEqual({ latencyMs });
    }
  });

  it('is optional; the engine then uses its documented default', () => {
    expect(accepted(parseScenario(EXAMPLE)).scenario.network).toBeUndefined();
    expect(resolveNetworkConfig(undefined).latencyMs).toBe(DEFAULT_NETWORK_LATENCY_MS);
    expect(DEFAULT_NETWORK_LATENCY_MS).toBeLessThanOrEqual(10);
    expect(resolveNetworkConfig({ latencyMs: 0 }).latencyMs).toBe(0);
  });

  it('refuses values outside the limit, naming the field, the value and the range', () => {
    for (const [value, part] of [[-1, '-1'], [10_001, '10001'], [2.5, '2.5'], ['5', '"5"']] as const) {
      const message = errorAt({ latencyMs: value }, 'network.latencyMs');
      expect(message).toContain(part);
      expect(message).toContain('0 to 10000');
    }
    expect(errorAt(7, 'network')).toContain('an object');
  });
});
