import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario } from '../engine';
import { findPreset } from '../scenarios/presets';
import { decodeLocation } from './decodeLocation';
import { runLinkFragment } from './runLink';
import { decodeScenarioText, runAsScenario, runFileName, runFileText } from './scenarioFile';
import { describeRefusal, type DecodeResult } from './sharedRun';

const checkout = findPreset('checkout')!.scenario;

function refusal(result: DecodeResult | null): string {
  if (result === null || result.ok) throw new Error('expected a refusal');
  return describeRefusal(result);
}

describe('decodeLocation', () => {
  it('asks for nothing when the address has no fragment and no scenario parameter', () => {
    expect(decodeLocation({ hash: '', search: '' })).toBeNull();
    expect(decodeLocation({ hash: '#', search: '?other=1' })).toBeNull();
  });

  it('opens a shared run from #s=', () => {
    const run = { scenario: checkout, interventions: [], playheadMs: 4000, selection: null, view: {} };
    expect(decodeLocation({ hash: runLinkFragment(run), search: '' })).toEqual({ ok: true, run, warnings: [] });
  });

  it('opens a gallery preset from #preset=', () => {
    const result = decodeLocation({ hash: '#preset=email-outage', search: '' });
    expect(result?.ok && result.run.presetId).toBe('email-outage');
    expect(result?.ok && result.run.scenario).toBe(findPreset('email-outage')!.scenario);
  });

  it('names the gallery when a preset does not exist', () => {
    expect(refusal(decodeLocation({ hash: '#preset=nope', search: '' }))).toMatch(
      /^link: preset "nope" does not exist; the gallery has checkout, email-outage, /,
    );
  });

  it('opens a hand-written scenario from ?scenario=', () => {
    const scenario = { format: 'logscope-scenario', version: 1, seed: 2, topics: [{ name: 't', partitions: 1 }], producers: [], services: [] };
    const result = decodeLocation({ hash: '', search: `?lang=en&scenario=${encodeURIComponent(JSON.stringify(scenario))}` });
    expect(result).toEqual({
      ok: true,
      run: { scenario, interventions: [], playheadMs: 0, selection: null, view: {} },
      warnings: [],
    });
  });

  it('prefers the fragment over the scenario parameter', () => {
    const result = decodeLocation({ hash: '#preset=hot-partition', search: '?scenario=%7B%7D' });
    expect(result?.ok && result.run.presetId).toBe('hot-partition');
  });

  it('refuses a fragment that is not a LogScope link', () => {
    expect(refusal(decodeLocation({ hash: '#section-2', search: '' }))).toBe(
      'link: the fragment "#section-2" is not a LogScope link; it must be #s=<version>.<data> or #preset=<id>',
    );
  });

  it('refuses an oversized fragment or parameter before reading it', () => {
    expect(refusal(decodeLocation({ hash: `#s=1.${'A'.repeat(70_000)}`, search: '' }))).toBe(
      'link: the link is 70004 characters long; the limit is 65536 (64 KB)',
    );
    expect(refusal(decodeLocation({ hash: '', search: `?scenario=${'%20'.repeat(30_000)}` }))).toBe(
      'scenario parameter: it is 90000 characters long; the limit is 65536 (64 KB)',
    );
  });

  it('refuses a scenario parameter that is empty, not JSON or out of range, saying where', () => {
    expect(refusal(decodeLocation({ hash: '', search: '?scenario=' }))).toBe(
      'scenario parameter: it is empty; it must hold URL-encoded scenario JSON',
    );
    expect(refusal(decodeLocation({ hash: '', search: '?scenario=%7B%22format' }))).toMatch(
      /^scenario parameter: not valid JSON: .* at position \d+$/,
    );
    const bad = { ...checkout, topics: [{ name: 'orders', partitions: 65 }, checkout.topics[1]] };
    expect(refusal(decodeLocation({ hash: '', search: `?scenario=${encodeURIComponent(JSON.stringify(bad))}` }))).toBe(
      'scenario parameter: topics[0].partitions is 65; it must be an integer from 1 to 64',
    );
  });
});

describe('scenario files', () => {
  const interventions = [
    { type: 'crash' as const, target: 'email-0', atMs: 12_000 },
    { type: 'start' as const, target: 'email-0', atMs: 30_000 },
  ];

  it('save the interventions as timed actions and load back the same run', () => {
    const text = runFileText(checkout, interventions);
    const loaded = decodeScenarioText(text, 'file "run.json"');
    if (!loaded.ok) throw new Error(describeRefusal(loaded));
    expect(loaded.run.scenario).toEqual(runAsScenario(checkout, interventions));
    const original = createSimulation({ ...checkout, actions: interventions });
    const reopened = createSimulation(loaded.run.scenario);
    original.runUntil(60_000);
    reopened.runUntil(60_000);
    expect(reopened.traceHash()).toBe(original.traceHash());
  });

  it('keep a preset with no interventions exactly as it is', () => {
    const loaded = decodeScenarioText(runFileText(checkout, []), 'file');
    expect(loaded.ok && loaded.run.scenario).toEqual(checkout);
  });

  it('are named after the scenario title', () => {
    expect(runFileName(checkout)).toBe('checkout-one-event-independent-consumers.json');
    expect(runFileName({ ...checkout, title: '  ' } as Scenario)).toBe('scenario.json');
  });

  it('are refused with the file name, the field and the rule', () => {
    const text = runFileText({ ...checkout, seed: 1.5 }, []);
    expect(refusal(decodeScenarioText(text, 'file "class.json"'))).toBe(
      'file "class.json": seed is 1.5; it must be an integer from 0 to 4294967295',
    );
    expect(refusal(decodeScenarioText('x'.repeat(70_000), 'file "big.json"'))).toBe(
      'file "big.json": it is 70000 characters long; the limit is 65536 (64 KB)',
    );
  });
});
