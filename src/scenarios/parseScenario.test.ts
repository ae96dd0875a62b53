// Accepting and returning scenarios, the header check and reading JSON text.
import { describe, expect, it } from 'vitest';
import { limits } from '../engine';
import { formatScenarioErrors, parseScenario, parseScenarioJson } from './parseScenario';
import type { ParseResult } from './parseScenario';
import { DELETE, EXAMPLE, accepted, withValue } from './parseScenarioTestSupport';

/** Asserts a refusal with an error at exactly `path` whose message contains every `part`. */
function expectError(result: ParseResult, path: string, ...parts: string[]): void {
  if (result.ok) throw new Error(`expected an error at ${path}, but the scenario was accepted`);
  const error = result.errors.find((each) => each.path === path);
  expect(error, formatScenarioErrors(result.errors)).toBeDefined();
  for (const part of parts) expect(error?.message).toContain(part);
}

describe('parseScenario', () => {
  it('accepts the doc/design.md example without warnings and returns it unchanged', () => {
    const result = accepted(parseScenario(EXAMPLE));
    expect(result.warnings).toEqual([]);
    expect(result.scenario).toEqual(EXAMPLE);
  });

  it('returns fresh plain objects, never the input objects', () => {
    const input = structuredClone(EXAMPLE);
    const { scenario } = accepted(parseScenario(input));
    expect(scenario).not.toBe(input);
    expect(scenario.topics[0]).not.toBe(input.topics[0]);
    expect(scenario.services[1]?.config).not.toBe(input.services[1]?.config);
    expect(scenario.actions?.[0]).not.toBe(input.actions[0]);
    expect(Object.getPrototypeOf(scenario.topics[0])).toBe(Object.prototype);
  });

  it('fills no defaults: a minimal scenario comes back with only its own fields', () => {
    const minimal = {
      format: 'logscope-scenario',
      version: 1,
      seed: 0,
      topics: [{ name: 'orders', partitions: 1 }],
      producers: [],
      services: [{ id: 'email', subscribe: ['orders'] }],
    };
    expect(accepted(parseScenario(minimal)).scenario).toEqual(minimal);
  });

  it('is idempotent: parsing its own output gives the same scenario', () => {
    const first = accepted(parseScenario(EXAMPLE)).scenario;
    expect(accepted(parseScenario(first)).scenario).toEqual(first);
  });

  it('keeps actions in the order given', () => {
    const input = withValue(['actions'], [...EXAMPLE.actions].reverse());
    expect(accepted(parseScenario(input)).scenario.actions?.map((a) => a.atMs)).toEqual([
      50000, 20000,
    ]);
  });

  it.each([
    ['0 instances', ['services', 1, 'instances'], 0],
    ['auto.commit.interval.ms of 0', ['services', 1, 'config', 'auto.commit.interval.ms'], 0],
    [
      'an assignor list',
      ['services', 1, 'config', 'partition.assignment.strategy'],
      ['cooperative-sticky', 'range'],
    ],
    ['retention.ms of -1', ['topics', 0, 'config', 'retention.ms'], -1],
    ['a zipf key spec', ['producers', 0, 'keys'], { kind: 'zipf', count: 100, s: 1.2 }],
    ['a ratePerSec of 0', ['producers', 0, 'ratePerSec'], 0],
  ] as const)('accepts %s', (_name, path, value) => {
    accepted(parseScenario(withValue(path, value)));
  });

  it('normalises cleanup.policy "delete,compact" to "compact,delete"', () => {
    const input = withValue(['topics', 0, 'config', 'cleanup.policy'], 'delete,compact');
    const { scenario } = accepted(parseScenario(input));
    expect(scenario.topics[0]?.config?.['cleanup.policy']).toBe('compact,delete');
  });

  it('formats errors one per line as "path: message"', () => {
    const text = formatScenarioErrors([
      { path: 'seed', message: 'seed is -1; it must be an integer' },
      { path: '', message: 'whole input' },
    ]);
    expect(text).toBe('seed: seed is -1; it must be an integer\nwhole input');
  });
});

describe('parseScenario header', () => {
  it('refuses another format', () => {
    expectError(
      parseScenario(withValue(['format'], 'other')),
      'format',
      '"other"',
      'logscope-scenario',
    );
  });

  it('refuses another version with a message naming both versions', () => {
    const result = parseScenario(withValue(['version'], 2));
    expectError(result, 'version', 'unsupported scenario version 2; this LogScope reads version 1');
  });

  it('refuses a missing version', () => {
    expectError(parseScenario(withValue(['version'], DELETE)), 'version', 'missing');
  });

  it.each([
    ['null', null],
    ['a number', 5],
    ['a string', 'text'],
    ['a list', [EXAMPLE]],
    ['undefined', undefined],
  ])('refuses %s as a scenario', (_name, input) => {
    expectError(parseScenario(input), '', 'must be a JSON object');
  });
});

describe('parseScenarioJson', () => {
  it('accepts the example as JSON text', () => {
    expect(accepted(parseScenarioJson(JSON.stringify(EXAMPLE))).scenario).toEqual(EXAMPLE);
  });

  it('accepts text of exactly 64 KB and refuses one character more, naming both sizes', () => {
    const text = JSON.stringify(EXAMPLE).padEnd(limits.MAX_SCENARIO_JSON_CHARS, ' ');
    accepted(parseScenarioJson(text));
    expectError(parseScenarioJson(`${text} `), '', 'is 65537 characters', '65536');
  });

  it.each([
    ['{"format": }', 11],
    ['{"format" 1}', 10],
    ['{} x', 3],
    ['', 0],
    ['{"seed": 7', 10],
  ])('refuses invalid JSON %j naming the position %i', (text, position) => {
    const result = parseScenarioJson(text);
    expectError(result, '', 'not valid JSON: ', `at position ${position}`);
  });
});
