import { describe, expect, it } from 'vitest';
import { findComparisonPreset } from '../scenarios/presets/comparisonPresets';
import { comparisonLinkFragment } from '../share';
import { createComparison } from './comparison';
import { createComparisonHost, specOfPreset } from './comparisonHost';
import { comparisonSideLab, comparisonTimeLab } from './comparisonLabs';
import { createLab } from './lab';

const manualClock = () => 0;
const preset = findComparisonPreset('at-least-vs-at-most-once')!;
const open = () => createComparison(specOfPreset(preset), { wallClock: manualClock });
const nowOf = (comparison: ReturnType<typeof open>) => [comparison.a, comparison.b].map((lab) => lab.store.getState().sim.snapshot.nowMs);

describe('a comparison of two runs', () => {
  it('moves both runs together: seek, advance, play, step and reset', async () => {
    const comparison = open();
    comparison.seek(10_000);
    expect(nowOf(comparison)).toEqual([10_000, 10_000]);
    comparison.advance(2_500);
    expect(nowOf(comparison)).toEqual([12_500, 12_500]);
    await comparison.seekInSlices(5_000);
    expect(nowOf(comparison)).toEqual([5_000, 5_000]);
    comparison.play();
    expect([comparison.a, comparison.b].map((lab) => lab.store.getState().playback.playing)).toEqual([true, true]);
    comparison.playTo(6_000, 1_000);
    expect(nowOf(comparison)).toEqual([6_000, 6_000]);
    comparison.stepForward();
    const [stepA, stepB] = nowOf(comparison);
    expect(stepA).toBe(stepB);
    expect(stepA).toBeGreaterThan(6_000);
    expect([comparison.a, comparison.b].map((lab) => lab.store.getState().playback.playing)).toEqual([false, false]);
    comparison.setSpeed(10);
    expect([comparison.a, comparison.b].map((lab) => lab.store.getState().playback.speed)).toEqual([10, 10]);
    comparison.resetRun();
    expect(nowOf(comparison)).toEqual([0, 0]);
  });

  it('runs each side as that scenario alone would: same trace hash as a lab of its own', () => {
    const comparison = open();
    comparison.seek(40_000);
    const alone = createLab({ scenario: preset.b.scenario, presetId: null, wallClock: manualClock });
    alone.seek(40_000);
    expect(comparison.b.currentSimulation().traceHash()).toBe(alone.currentSimulation().traceHash());
    expect(comparison.a.currentSimulation().traceHash()).not.toBe(alone.currentSimulation().traceHash());
  });

  it('routes interventions to A, to B or to both, at the shared playhead', () => {
    const comparison = open();
    comparison.seek(5_000);
    const crash = { type: 'crash', target: 'billing-0' } as const;
    expect(comparison.apply(crash, 'b')).toEqual([{ ok: true }]);
    expect(comparison.a.store.getState().run.interventions).toEqual([]);
    expect(comparison.b.store.getState().run.interventions).toEqual([{ ...crash, atMs: 5_000 }]);
    comparison.seek(6_000);
    expect(comparison.apply({ type: 'start', target: 'billing-0' }, 'both')).toEqual([{ ok: true }, { ok: true }]);
    expect(comparison.a.store.getState().run.interventions).toHaveLength(1);
    expect(comparison.b.store.getState().run.interventions).toHaveLength(2);
  });

  it("sends a side's own intervention buttons to that run, or to both when asked", () => {
    const comparison = open();
    comparison.seek(5_000);
    const sideB = comparisonSideLab(comparison, 'b');
    sideB.requestCommand({ type: 'slow', target: 'billing-0', factor: 2 });
    expect(comparison.a.store.getState().run.interventions).toHaveLength(0);
    expect(comparison.b.store.getState().run.interventions).toHaveLength(1);
    comparison.setTarget('both');
    comparisonSideLab(comparison, 'a').requestCommand({ type: 'slow', target: 'billing-0', factor: 3 });
    expect(comparison.a.store.getState().run.interventions).toHaveLength(1);
    expect(comparison.b.store.getState().run.interventions).toHaveLength(2);
    // The time lab's controls move both runs.
    comparisonTimeLab(comparison).seek(9_000);
    expect(nowOf(comparison)).toEqual([9_000, 9_000]);
  });

  it('captions the shared moment and tabulates the differences', () => {
    const comparison = open();
    comparison.seek(45_000);
    const { caption, differences } = comparison.store.getState();
    expect(caption?.text).toMatch(/^B skipped/);
    expect(differences?.atMs).toBe(45_000);
    expect(differences?.topics.map((t) => [t.topic, t.identical])).toEqual([['orders', true]]);
    const billing = differences?.groups.find((g) => g.group === 'billing');
    expect(billing?.a?.duplicates).toBeGreaterThan(0);
    expect(billing?.b?.skipped).toBeGreaterThan(0);
    expect(differences?.clients).toEqual([]);
  });
});

describe('the comparison host', () => {
  it('opens a comparison preset and a #c= link, refuses a bad link, and closes back to the page run', async () => {
    const page = createLab({ scenario: findComparisonPreset('eager-vs-cooperative')!.a.scenario, presetId: null, wallClock: manualClock });
    page.seek(3_000);
    const host = createComparisonHost(page, { wallClock: manualClock });
    expect(host.openFragment('s=1.abc')).toBeNull();
    expect(host.openFragment('preset=checkout')).toBeNull();
    expect(host.openFragment('preset=late-fraud-earliest-vs-latest')).toEqual({ ok: true });
    expect(host.current()?.store.getState().presetId).toBe('late-fraud-earliest-vs-latest');
    host.current()!.seek(70_000);
    const link = comparisonLinkFragment(host.shared()!);

    const refused = host.openFragment('c=1.damaged*');
    expect(refused).toEqual({ ok: false, refusal: expect.stringMatching(/^comparison link: the link data has the character "\*"/) });
    expect(host.current()?.nowMs()).toBe(70_000);

    host.close();
    expect(host.current()).toBeNull();
    expect(page.store.getState().sim.snapshot.nowMs).toBe(3_000);

    expect(host.openFragment(link.slice(1))).toEqual({ ok: true });
    const reopened = host.current()!;
    await reopened.opened;
    expect(reopened.nowMs()).toBe(70_000);
    expect(reopened.store.getState().presetId).toBe('late-fraud-earliest-vs-latest');
    expect(reopened.store.getState().differences?.topics.find((t) => t.topic === 'orders')?.reference?.fingerprint?.hash).toBe(
      reopened.store.getState().differences?.topics.find((t) => t.topic === 'orders')?.a?.hash,
    );
  });

  it('forks the page run: A as it is, B a copy at the same playhead', async () => {
    const page = createLab({ scenario: preset.a.scenario, presetId: null, wallClock: manualClock });
    page.seek(4_000);
    page.applyCommand({ type: 'crash', target: 'billing-0' });
    page.seek(8_000);
    const host = createComparisonHost(page, { wallClock: manualClock });
    const fork = host.fork();
    await fork.opened;
    expect(fork.nowMs()).toBe(8_000);
    expect(fork.b.store.getState().run.interventions).toEqual(page.store.getState().run.interventions);
    expect(fork.b.currentSimulation().traceHash()).toBe(page.currentSimulation().traceHash());
  });
});
