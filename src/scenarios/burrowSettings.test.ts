// Burrow's settings (contract 7): a top-level `burrow` object with Burrow's names, accepted
// without warnings, and every refusal naming the field, the value and the limit.
import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, parseScenario, type ParseResult } from './parseScenario';
import { accepted, EXAMPLE, withValue } from './parseScenarioTestSupport';

function expectError(result: ParseResult, path: string, ...parts: string[]): void {
  if (result.ok) throw new Error(`expected an error at ${path}, but the scenario was accepted`);
  const error = result.errors.find((each) => each.path === path);
  expect(error, formatScenarioErrors(result.errors)).toBeDefined();
  for (const part of parts) expect(error?.message).toContain(part);
}

describe('the burrow object', () => {
  it("accepts Burrow's three settings by Burrow's names, without warnings", () => {
    const result = accepted(parseScenario(withValue(['burrow'], { 'offset-refresh': 2, intervals: 5, 'allowed-lag': 3 })));
    expect(result.warnings).toEqual([]);
    expect(result.scenario.burrow).toEqual({ 'offset-refresh': 2, intervals: 5, 'allowed-lag': 3 });
  });

  it('is optional, and so is each setting', () => {
    expect(accepted(parseScenario(EXAMPLE)).scenario.burrow).toBeUndefined();
    expect(accepted(parseScenario(withValue(['burrow'], {}))).scenario.burrow).toEqual({});
  });

  it('warns about an unknown setting and keeps the rest', () => {
    const result = accepted(parseScenario(withValue(['burrow'], { intervals: 4, 'min-distance': 1 })));
    expect(result.warnings).toEqual(['unknown field "min-distance" at burrow was ignored']);
    expect(result.scenario.burrow).toEqual({ intervals: 4 });
  });

  const cases: [string, string, unknown, string, ...string[]][] = [
    ['an offset-refresh of 0 (Burrow cannot tick every 0 s)', 'offset-refresh', 0, 'burrow["offset-refresh"]', 'is 0', '1 to 3600'],
    ['a fractional offset-refresh (Burrow reads whole seconds)', 'offset-refresh', 2.5, 'burrow["offset-refresh"]', '2.5', 'integer'],
    ['an offset-refresh over an hour', 'offset-refresh', 3601, 'burrow["offset-refresh"]', '3601', '3600'],
    ['intervals of 0', 'intervals', 0, 'burrow.intervals', 'is 0', '1 to 100'],
    ['intervals over 100', 'intervals', 101, 'burrow.intervals', '101', '100'],
    ['a negative allowed-lag', 'allowed-lag', -1, 'burrow["allowed-lag"]', '-1', '0 to 1000000000'],
    ['a string allowed-lag', 'allowed-lag', '5', 'burrow["allowed-lag"]', '"5"', 'integer'],
  ];
  it.each(cases)('refuses %s', (_name, field, value, errorPath, ...parts) => {
    expectError(parseScenario(withValue(['burrow'], { [field]: value })), errorPath, ...parts);
  });

  it('refuses a burrow that is not an object, naming it', () => {
    expectError(parseScenario(withValue(['burrow'], 10)), 'burrow', 'is 10', 'an object');
    expectError(parseScenario(withValue(['burrow'], [1])), 'burrow', 'a list of 1', 'an object');
  });

  it('never throws on hostile values', () => {
    for (const value of [null, NaN, Infinity, -0, 1e308, {}, [], 'x', true, { valueOf: () => 3 }]) {
      for (const field of ['offset-refresh', 'intervals', 'allowed-lag']) {
        expect(() => parseScenario(withValue(['burrow'], { [field]: value }))).not.toThrow();
      }
    }
  });
});
