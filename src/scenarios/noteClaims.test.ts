/** A note's claim (`when`) is condition data, read like a lesson's: kept when valid, refused by path. */
import { describe, expect, it } from 'vitest';
import { findPreset } from './presets';
import { parseScenario } from './parseScenario';

const base = () => JSON.parse(JSON.stringify(findPreset('checkout')!.scenario)) as Record<string, unknown>;

describe('note claims', () => {
  it('keeps a valid claim as data', () => {
    const when = { all: [{ compare: { path: 'stats.email.duplicates' }, op: '≥', to: 1 }, { event: 'member.crashed', since: 'lesson' }] };
    const result = parseScenario({ ...base(), notes: [{ atMs: 10, text: 'x', when }] });
    expect(result.ok && result.scenario.notes).toEqual([
      { atMs: 10, text: 'x', when: { all: [{ compare: { path: 'stats.email.duplicates' }, op: '>=', to: 1 }, { event: 'member.crashed', since: 'lesson' }] } },
    ]);
  });

  it('refuses a malformed claim, naming the field path and the rule', () => {
    const result = parseScenario({ ...base(), notes: [{ atMs: 0, text: 'ok' }, { atMs: 10, text: 'x', when: { compare: { path: 'a' }, op: '=>', to: 1 } }] });
    expect(result.ok ? [] : result.errors).toEqual([{ path: 'notes[1].when.op', message: expect.stringMatching(/^op is "=>"; it must be one of "="/) }]);
    const code = parseScenario({ ...base(), notes: [{ atMs: 10, text: 'x', when: { event: 'nope' } }] });
    expect(code.ok ? [] : code.errors.map((e) => e.path)).toEqual(['notes[0].when.event']);
  });
});
