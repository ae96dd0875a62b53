// Unknown fields become warnings; prototype keys anywhere are refused with an error.
import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, parseScenario, parseScenarioJson } from './parseScenario';
import type { ParseResult } from './parseScenario';
import { EXAMPLE, accepted, setAt } from './parseScenarioTestSupport';

/** Asserts a refusal with an error at exactly `path` whose message contains every `part`. */
function expectError(result: ParseResult, path: string, ...parts: string[]): void {
  if (result.ok) throw new Error(`expected an error at ${path}, but the scenario was accepted`);
  const error = result.errors.find((each) => each.path === path);
  expect(error, formatScenarioErrors(result.errors)).toBeDefined();
  for (const part of parts) expect(error?.message).toContain(part);
}

describe('parseScenario unknown and forbidden fields', () => {
  it('drops unknown fields at every level with a warning naming each path', () => {
    const draft = structuredClone(EXAMPLE) as Record<string, unknown>;
    setAt(draft, ['colour'], 'red');
    setAt(draft, ['topics', 0, 'config', 'flush.ms'], 1);
    setAt(draft, ['producers', 0, 'keys', 'count'], 3);
    setAt(draft, ['services', 1, 'config', 'fetch.min.byte'], 1);
    setAt(draft, ['broker', 'num.partitions'], 1);
    setAt(draft, ['notes', 0, 'author'], 'me');
    setAt(draft, ['actions', 1, 'reason'], 'recovery');
    const result = accepted(parseScenario(draft));
    expect(result.scenario).toEqual(EXAMPLE);
    expect([...result.warnings].sort()).toEqual([
      'unknown field "author" at notes[0] was ignored',
      'unknown field "colour" at the top level was ignored',
      'unknown field "count" at producers[0].keys was ignored',
      'unknown field "fetch.min.byte" at services[1].config was ignored',
      'unknown field "flush.ms" at topics[0].config was ignored',
      'unknown field "num.partitions" at broker was ignored',
      'unknown field "reason" at actions[1] was ignored',
    ]);
  });

  const json = JSON.stringify(EXAMPLE);
  it.each([
    [
      '__proto__ at the top level',
      json.replace('"seed":7', '"__proto__":{"polluted":1},"seed":7'),
      '__proto__',
    ],
    [
      'constructor in a service',
      json.replace('{"id":"billing"', '{"constructor":1,"id":"billing"'),
      'services[0].constructor',
    ],
    [
      'prototype in a config',
      json.replace('"max.poll.records":500', '"prototype":{},"max.poll.records":500'),
      'services[1].config.prototype',
    ],
    [
      '__proto__ in an unknown field',
      json.replace('"seed":7', '"extra":[{"__proto__":{}}],"seed":7'),
      'extra[0].__proto__',
    ],
  ])('refuses %s with an error, not a warning', (_name, text, path) => {
    const input: unknown = JSON.parse(text);
    expectError(parseScenario(input), path, 'not allowed');
    expectError(parseScenarioJson(text), path, 'not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
