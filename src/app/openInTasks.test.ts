import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findPreset } from '../scenarios/presets';
import { runLinkFragment } from '../share';
import { createLab, type Lab } from './lab';
import { openFromLocation } from './openFromLocation';
import { openingSettled } from './openInTasks';
import { installTestApi, type LogScopeApi } from './testApi';

const checkout = findPreset('checkout')!.scenario;
const hotPartition = findPreset('hot-partition')!.scenario;
const retention = findPreset('retention-loses-data')!.scenario;

/** Lets every promise already settled run on (what ends a task), without running a timer. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Runs the next task (a timer), then its promise reactions. */
async function nextTask(): Promise<void> {
  await microtasks();
  vi.advanceTimersToNextTimer();
  await microtasks();
}

/** A lab with the browser API over it; counts engine starts (each opening's second task). */
function page(): { lab: Lab; api: LogScopeApi; started: () => number } {
  const lab = createLab({ scenario: checkout, presetId: 'checkout' });
  const api = installTestApi({} as Window, lab);
  const startRun = vi.spyOn(lab, 'startRun');
  return { lab, api, started: () => startRun.mock.calls.length };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('the browser API opens a scenario in tasks of its own (issue 20)', () => {
  it('parses in one task, starts the engine in the next and shows the run in the one after; the page shows the old run until then', async () => {
    const { lab, api, started } = page();
    const before = lab.store.getState();
    let answer: unknown = null;
    void api.load(JSON.parse(JSON.stringify(hotPartition))).then((result) => (answer = result));
    await microtasks();
    // Not even parsed yet: the task that called `load` (a page.evaluate's, with its argument) ends first.
    expect(answer).toBeNull();
    expect(started()).toBe(0);
    await nextTask(); // parsing
    expect(started()).toBe(0);
    expect(lab.store.getState()).toBe(before);
    await nextTask(); // the engine
    expect(started()).toBe(1);
    expect(lab.store.getState()).toBe(before);
    expect(lab.currentSimulation().now).toBe(0);
    expect(lab.store.getState().run.scenario).toBe(checkout);
    await nextTask(); // showing it
    expect(answer).toEqual({ ok: true, warnings: [] });
    const state = lab.store.getState();
    expect(state.run.scenario.title).toBe(hotPartition.title);
    expect(state.run.presetId).toBeNull();
    expect(state.sim.snapshot.nowMs).toBe(0);
    const reference = createLab();
    reference.loadScenario(state.run.scenario);
    expect(lab.currentSimulation().traceHash()).toBe(reference.currentSimulation().traceHash());
  });

  it('answers a refused scenario with its errors after parsing, the current run kept', async () => {
    const { lab, api, started } = page();
    const before = lab.store.getState();
    const answer = api.load({ ...hotPartition, topics: [{ name: 'clicks', partitions: 500 }] });
    await nextTask();
    await expect(answer).resolves.toEqual({ ok: false, error: expect.stringContaining('topics[0].partitions') });
    await vi.advanceTimersByTimeAsync(50);
    expect(started()).toBe(0);
    expect(lab.store.getState()).toBe(before);
  });

  it('drops an opening when a run asked for later was opened first, and says so', async () => {
    const { lab, api } = page();
    const answer = api.load(hotPartition);
    await nextTask(); // parsed
    lab.loadScenario(retention, 'retention-loses-data'); // e.g. a preset chosen meanwhile
    await vi.advanceTimersByTimeAsync(50);
    await expect(answer).resolves.toEqual({ ok: false, error: expect.stringMatching(/^another run was opened/) });
    expect(lab.store.getState().run.presetId).toBe('retention-loses-data');
  });

  it('shows the later of two openings under way', async () => {
    const { lab, api } = page();
    const first = api.load(hotPartition);
    const second = api.load(retention);
    await vi.advanceTimersByTimeAsync(50);
    expect((await first).ok).toBe(true);
    expect((await second).ok).toBe(true);
    expect(lab.store.getState().run.scenario.title).toBe(retention.title);
  });
});

describe('a link opens in tasks too', () => {
  it('is read at once, and shown with its playhead, selection and view two tasks later', async () => {
    const { lab, started } = page();
    const before = lab.store.getState();
    const hash = runLinkFragment({ scenario: hotPartition, interventions: [], playheadMs: 3000, selection: 'group:analytics', view: { lagUnit: 'seconds' } });
    expect(openFromLocation(lab, { hash, search: '' })).toBe('opened');
    await microtasks();
    expect(started()).toBe(0);
    expect(lab.store.getState()).toBe(before);
    await nextTask();
    expect(started()).toBe(1);
    expect(lab.store.getState()).toBe(before);
    await nextTask();
    await openingSettled(lab);
    const state = lab.store.getState();
    expect(state.run.presetId).toBe('hot-partition');
    expect(state.sim.snapshot.nowMs).toBe(3000);
    expect(state.ui.selection).toBe('group:analytics');
    expect(state.ui.view).toEqual({ lagUnit: 'seconds' });
  });
});
