// Property tests: parseScenario never throws, and whatever it accepts is a fixed point.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioJson } from './parseScenario';
import type { ParseResult } from './parseScenario';
import { DELETE, EXAMPLE, accepted, setAt } from './parseScenarioTestSupport';
import type { Path } from './parseScenarioTestSupport';

describe('parseScenario fuzzing', () => {
  const NOT_ZOD_DEFAULT = /^(?!Invalid |Too (?:big|small)|Unrecognized )/;

  function pathsOf(value: unknown, prefix: Path = []): Path[] {
    if (typeof value !== 'object' || value === null) return [];
    const node = value as Record<string | number, unknown>;
    const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
    return keys.flatMap((key) => [[...prefix, key], ...pathsOf(node[key], [...prefix, key])]);
  }

  /** Like setAt, but gives up quietly when an earlier mutation removed the parent. */
  function mutate(root: unknown, path: Path, value: unknown): void {
    let node: unknown = root;
    for (const key of path.slice(0, -1)) {
      if (typeof node !== 'object' || node === null) return;
      node = (node as Record<string | number, unknown>)[key];
    }
    if (typeof node !== 'object' || node === null) return;
    try {
      setAt(node, path.slice(-1), value);
    } catch {
      // A change JavaScript itself refuses (an array's length) is not an input to test.
    }
  }

  function checkResult(result: ParseResult): void {
    if (result.ok) {
      const again = accepted(parseScenario(result.scenario));
      expect(again.scenario).toEqual(result.scenario);
      expect(again.warnings).toEqual([]);
      expect(JSON.parse(JSON.stringify(result.scenario))).toEqual(result.scenario);
      return;
    }
    expect(result.errors.length).toBeGreaterThan(0);
    for (const { path, message } of result.errors) {
      expect(typeof path).toBe('string');
      expect(message).toMatch(NOT_ZOD_DEFAULT);
    }
  }

  it('never throws for arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => checkResult(parseScenario(input))),
      { numRuns: 2000, seed: 20_260_003 },
    );
  });

  it('never throws for mutations of the example, and what it accepts is a fixed point', () => {
    const paths = pathsOf(EXAMPLE);
    const value = fc.oneof(
      fc.constantFrom<unknown>(
        DELETE,
        -1,
        0,
        1.5,
        65,
        1e9,
        '',
        'orders',
        'email-0',
        null,
        true,
        [],
        {},
      ),
      fc.anything(),
    );
    const mutation = fc.tuple(fc.constantFrom(...paths), fc.option(fc.string()), value);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const draft = structuredClone(EXAMPLE);
        for (const [path, extraKey, newValue] of mutations) {
          mutate(draft, extraKey === null ? path : [...path, extraKey], newValue);
        }
        checkResult(parseScenario(draft));
      }),
      { numRuns: 2000, seed: 20_260_001 },
    );
  });

  it('never throws for arbitrary JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => checkResult(parseScenarioJson(text))),
      { numRuns: 500, seed: 20_260_002 },
    );
  });
});
