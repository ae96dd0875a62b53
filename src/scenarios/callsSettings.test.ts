// A producer's `calls` and a service's `threads` (contract 7): accepted without warnings,
// refused with the field path, the value and the limit; targets must name services, once each.
import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, parseScenario } from './parseScenario';
import { findPreset } from './presets';

const base = () => JSON.parse(JSON.stringify(findPreset('sync-checkout')!.scenario)) as {
  producers: Record<string, unknown>[];
  services: Record<string, unknown>[];
  topics: unknown[];
};

function errorsOf(edit: (s: ReturnType<typeof base>) => void): { path: string; message: string }[] {
  const scenario = base();
  edit(scenario);
  const result = parseScenario(scenario);
  return result.ok ? [] : result.errors;
}

function errorAt(edit: (s: ReturnType<typeof base>) => void, path: string): string {
  const errors = errorsOf(edit);
  const error = errors.find((each) => each.path === path);
  expect(error, formatScenarioErrors(errors)).toBeDefined();
  return error?.message ?? '';
}

const calls = (s: ReturnType<typeof base>) => s.producers[0]!['calls'] as Record<string, unknown>;

describe('calls and threads', () => {
  it('accepts a calling client and services that only serve calls, without warnings', () => {
    const scenario = base();
    Object.assign(calls(scenario), { mode: 'parallel', timeoutMs: 60_000, retries: 10 });
    scenario.services[2]!['threads'] = 256;
    const result = parseScenario(scenario);
    expect(result.ok ? result.warnings : formatScenarioErrors(result.errors)).toEqual([]);
    if (result.ok) {
      expect(result.scenario.producers[0]!.calls).toEqual({ targets: ['inventory', 'billing', 'email'], mode: 'parallel', timeoutMs: 60_000, retries: 10 });
      expect(result.scenario.services[2]!.threads).toBe(256);
    }
  });

  it('refuses out-of-range settings, naming the field, the value and the range', () => {
    expect(errorAt((s) => (calls(s)['timeoutMs'] = 0), 'producers[0].calls.timeoutMs')).toMatch(/0.*1 to 60000/);
    expect(errorAt((s) => (calls(s)['retries'] = 11), 'producers[0].calls.retries')).toMatch(/11.*0 to 10/);
    expect(errorAt((s) => (calls(s)['mode'] = 'fanout'), 'producers[0].calls.mode')).toMatch(/"fanout".*"chain", "parallel"|"fanout".*chain.*parallel/);
    expect(errorAt((s) => (s.services[0]!['threads'] = 0), 'services[0].threads')).toMatch(/0.*1 to 256/);
    expect(errorAt((s) => (s.services[0]!['threads'] = 2.5), 'services[0].threads')).toContain('2.5');
    expect(errorAt((s) => (calls(s)['targets'] = []), 'producers[0].calls.targets')).toContain('at least one service');
    expect(errorAt((s) => (calls(s)['targets'] = Array.from({ length: 17 }, (_, i) => `s${i}`)), 'producers[0].calls.targets')).toContain('at most 16');
  });

  it('targets must name services, each once', () => {
    expect(errorAt((s) => (calls(s)['targets'] = ['inventory', 'shipping']), 'producers[0].calls.targets[1]')).toMatch(/service "shipping" does not exist; known: "inventory", "billing", "email"/);
    expect(errorAt((s) => (calls(s)['targets'] = ['inventory', 'email', 'inventory']), 'producers[0].calls.targets[2]')).toContain('listed twice');
  });

  it('a producer has exactly one of topic/event, command/to and calls', () => {
    expect(
      errorAt((s) => {
        s.topics.push({ name: 'orders', partitions: 1 });
        Object.assign(s.producers[0]!, { topic: 'orders', event: 'OrderPlaced' });
      }, 'producers[0]'),
    ).toContain('both topic/event and calls');
    expect(errorAt((s) => delete s.producers[0]!['calls'], 'producers[0]')).toContain('neither topic/event, command/to nor calls');
  });

  it('only a service that is called (or sent commands) may subscribe to nothing', () => {
    expect(errorAt((s) => (calls(s)['targets'] = ['inventory', 'billing']), 'services[2].subscribe')).toContain('or calls it (calls.targets)');
  });
});
