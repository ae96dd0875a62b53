import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findComparisonPreset } from '../scenarios/presets/comparisonPresets';
import { comparisonLinkFragment, decodeComparisonLink, type SharedComparison } from './comparisonLink';
import { compressToEncodedURIComponent } from './lzString';
import { describeRefusal } from './sharedRun';

const preset = findComparisonPreset('at-least-vs-at-most-once')!;
const sample: SharedComparison = {
  title: preset.title,
  presetId: preset.id,
  a: { label: preset.a.label, scenario: preset.a.scenario, interventions: [{ atMs: 5_000, type: 'crash', target: 'billing-0' }] },
  b: { label: preset.b.label, scenario: preset.b.scenario, interventions: [] },
  playheadMs: 12_345,
};

const dataOf = (payload: unknown) => `1.${compressToEncodedURIComponent(JSON.stringify(payload))}`;
const payloadOf = (comparison: SharedComparison) => ({
  v: 1,
  title: comparison.title,
  a: { label: comparison.a.label, scenario: comparison.a.scenario },
  b: { label: comparison.b.label, scenario: comparison.b.scenario },
});

/** The refusal's one-line message, or a failure if the link was accepted. */
function refusal(value: string): string {
  const result = decodeComparisonLink(value);
  if (result.ok) throw new Error('accepted');
  return describeRefusal(result);
}

describe('comparison links', () => {
  it('round-trips both runs, their interventions, labels, the preset and the playhead', () => {
    const fragment = comparisonLinkFragment(sample);
    expect(fragment.startsWith('#c=1.')).toBe(true);
    const decoded = decodeComparisonLink(fragment.slice(3));
    expect(decoded).toEqual({ ok: true, comparison: sample, warnings: [] });
  });

  it('refuses empty, unversioned, newer and damaged links, saying what is wrong', () => {
    expect(refusal('')).toMatch(/truncated: there is nothing after "#c="/);
    expect(refusal('abc')).toMatch(/no format version: it must look like #c=1\.<data>, not #c=abc/);
    expect(refusal('2.abc')).toMatch(/version 2 is not supported \(it was made by a newer LogScope\)/);
    expect(refusal('1.')).toMatch(/no data after "#c=1\."/);
    expect(refusal('1.ab*cd')).toMatch(/character "\*" at position 2/);
    expect(refusal(`1.${compressToEncodedURIComponent('not json')}`)).toMatch(/decompresses, but/);
    expect(refusal('x'.repeat(70_000))).toMatch(/70000 characters long; the limit is 65536/);
  });

  it('refuses bad fields by their path, value and rule, and never a prototype key', () => {
    const good = payloadOf(sample);
    expect(refusal(dataOf([1]))).toMatch(/the link data .*a JSON object/);
    expect(refusal(dataOf({ ...good, v: 2 }))).toMatch(/^comparison link: v is 2; it must be 1/);
    expect(refusal(dataOf({ ...good, b: undefined }))).toMatch(/^comparison link: b is (missing|undefined).*label, a scenario/);
    expect(refusal(dataOf({ ...good, playheadMs: -1 }))).toMatch(/playheadMs is -1; it must be an integer from 0/);
    expect(refusal(dataOf({ ...good, a: { ...good.a, label: '' } }))).toMatch(/a\.label is ""; it must be a string of 1 to 80/);
    const badTopic = { ...good.b.scenario, topics: [{ name: 'orders', partitions: 500 }] };
    expect(refusal(dataOf({ ...good, b: { ...good.b, scenario: badTopic } }))).toMatch(/^comparison link: b\.scenario\.topics\[0\]\.partitions is 500/);
    expect(refusal(`1.${compressToEncodedURIComponent('{"v":1,"__proto__":{"x":1}}')}`)).toMatch(/__proto__/);
  });

  it('keeps unknown fields out, with a warning', () => {
    const decoded = decodeComparisonLink(dataOf({ ...payloadOf(sample), extra: 1, a: { ...payloadOf(sample).a, colour: 'red' } }));
    expect(decoded.ok && decoded.warnings).toEqual([
      'unknown field "extra" in the link was ignored',
      'unknown field "a.colour" in the link was ignored',
    ]);
  });

  it('never throws on any text, and every refusal says something', () => {
    const valid = comparisonLinkFragment(sample).slice(3);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.nat(valid.length).map((n) => valid.slice(0, n))), (text) => {
        const result = decodeComparisonLink(text);
        if (!result.ok) expect(describeRefusal(result).length).toBeGreaterThan(20);
      }),
      { seed: 15, numRuns: 500 },
    );
  });
});
