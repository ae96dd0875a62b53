import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findPreset } from '../scenarios/presets';
import { decodeRunLink, encodeRunLink, runFileText, runLinkFragment, type SharedRun } from '../share';
import { openFromLocation } from './openFromLocation';
import { openingSettled } from './openInTasks';
import { dismissSavedRun, getRestoreOffer, offerSavedRun, restoreSavedRun, startPersistence, STORAGE_KEY } from './persistence';
import { createLab } from './lab';
import { fragmentOf, sharedRunOf, shouldWriteRun } from './sharedRunOf';
import { findLesson } from '../lessons/catalogue';
import { currentRunFile, currentShareUrl, openPreset, openScenarioFile } from './sharing';
import { startUrlSync } from './urlSync';

/** This file's own lab: nothing it does reaches another test file's. */
const pageLab = createLab();
const { store: appStore, applyCommand, cancelWork, loadScenario, play, seek, select, workDone } = pageLab;

const checkout = findPreset('checkout')!.scenario;
const hotPartition = findPreset('hot-partition')!.scenario;

const sharedRun: SharedRun = {
  scenario: hotPartition,
  interventions: [{ type: 'crash', target: 'analytics-0', atMs: 2000 }],
  playheadMs: 5000,
  selection: 'group:analytics',
  view: { lagUnit: 'seconds' },
};

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

function fakeWindow(href: string) {
  const window = {
    location: { href },
    history: {
      state: null,
      replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
        window.location.href = url;
      }),
      pushState: vi.fn((_state: unknown, _title: string, url: string) => {
        window.location.href = url;
      }),
    },
  };
  return window;
}

function file(name: string, text: string) {
  return { name, size: new TextEncoder().encode(text).length, text: async () => text };
}

beforeEach(() => loadScenario(checkout, 'checkout'));

describe('opening the address', () => {
  it('opens a shared run paused at its playhead, with its selection and view', async () => {
    play();
    expect(openFromLocation(pageLab, { hash: runLinkFragment(sharedRun), search: '' })).toBe('opened');
    await openingSettled(pageLab);
    const state = appStore.getState();
    expect(sharedRunOf(state)).toEqual(sharedRun);
    expect(state.playback.playing).toBe(false);
    expect(state.ui.message).toBeNull();
  });

  it('keeps the current run and says what is wrong when the link is refused', () => {
    applyCommand({ type: 'crash', target: 'email-0' });
    const before = sharedRunOf(appStore.getState());
    expect(openFromLocation(pageLab, { hash: '#s=1.garbage!', search: '' })).toBe('refused');
    expect(sharedRunOf(appStore.getState())).toEqual(before);
    expect(appStore.getState().ui.message).toEqual({
      kind: 'error',
      text: 'link: the link data has the character "!" at position 7, which a LogScope link never contains (was it edited or cut?). Nothing was opened; your current run is unchanged.',
    });
  });

  it('opens a run whose playhead is far ahead in slices, with progress, and Cancel stops it at a whole moment', async () => {
    const farRun = { ...sharedRun, playheadMs: 20 * 3_600_000 };
    // The page gets the thread back at once: the way to 20 h is long work, not one task.
    expect(openFromLocation(pageLab, { hash: runLinkFragment(farRun), search: '' })).toBe('opened');
    await openingSettled(pageLab);
    const work = appStore.getState().lab.work;
    expect(work).toMatchObject({ label: 'Opening the run at 20:00:00', targetMs: 72_000_000, cancelling: false });
    expect(appStore.getState().run.interventions).toEqual(sharedRun.interventions);
    cancelWork();
    expect(await workDone()).toBe('cancelled');
    const state = appStore.getState();
    expect(state.lab.work).toBeNull();
    expect(state.sim.snapshot.nowMs).toBeLessThan(72_000_000);
    expect(state.ui.message?.text).toMatch(/^Stopped at [\d:]+: cancelled before 20:00:00\.$/);
  });

  it('recognises a shared run of a gallery preset', async () => {
    openFromLocation(pageLab, { hash: runLinkFragment(sharedRun), search: '' });
    await openingSettled(pageLab);
    expect(appStore.getState().run.presetId).toBe('hot-partition');
    openFromLocation(pageLab, { hash: runLinkFragment({ ...sharedRun, scenario: { ...hotPartition, seed: 99 } }), search: '' });
    await openingSettled(pageLab);
    expect(appStore.getState().run.presetId).toBeNull();
  });

  it('opens gallery presets by id', async () => {
    expect(await openPreset(pageLab, 'retention-loses-data')).toBe('opened');
    expect(appStore.getState().run.presetId).toBe('retention-loses-data');
    expect(await openPreset(pageLab, 'nope')).toBe('refused');
  });
});

describe('the share link', () => {
  it('is always a #s= fragment on the page address, never a ?scenario= query (which a server may cut at its header limit)', () => {
    const big = { ...findPreset('checkout')!.scenario, title: 'x'.repeat(150), notes: Array.from({ length: 150 }, (_, i) => ({ atMs: i * 1000, text: `Note ${i} `.repeat(20) })) };
    loadScenario(big);
    const url = new URL(currentShareUrl(pageLab, { origin: 'http://lab.test', pathname: '/app/' }));
    expect(url.search).toBe('');
    expect(url.hash.startsWith('#s=1.')).toBe(true);
    // A query of this size would exceed common servers' 8 KB request-line limit; the fragment never reaches the server.
    expect(encodeURIComponent(JSON.stringify(big)).length).toBeGreaterThan(8_192);
  });
});

describe('the address bar', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('follows the run half a second after a change (once it is compressed), without history entries', async () => {
    const window = fakeWindow('http://lab.test/app/?scenario=%7B%7D&lang=en');
    const stop = startUrlSync(window as unknown as Window, pageLab);
    seek(3000);
    select('topic:orders');
    expect(window.history.replaceState).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(window.history.replaceState).toHaveBeenCalledTimes(1);
    const url = new URL(window.location.href);
    expect(url.pathname + url.search).toBe('/app/?lang=en');
    const decoded = decodeRunLink(url.hash.slice('#s='.length));
    expect(decoded.ok && decoded.run).toEqual(sharedRunOf(appStore.getState()));
    expect(decoded.ok && decoded.run.playheadMs).toBe(3000);
    stop();
  });

  it('adds one history entry when the gallery replaces the run, so Back returns to the old one', async () => {
    const window = fakeWindow('http://lab.test/');
    const stop = startUrlSync(window as unknown as Window, pageLab);
    seek(7000);
    void openPreset(pageLab, 'hot-partition');
    expect(window.history.replaceState).toHaveBeenCalledTimes(1);
    expect(window.history.pushState).toHaveBeenCalledTimes(1);
    const previous = decodeRunLink(new URL(window.history.replaceState.mock.calls[0]![2]).hash.slice(3));
    expect(previous.ok && previous.run.playheadMs).toBe(7000);
    const current = decodeRunLink(new URL(window.location.href).hash.slice(3));
    expect(current.ok && current.run.scenario).toEqual(hotPartition);
    await vi.advanceTimersByTimeAsync(1000);
    expect(window.history.replaceState).toHaveBeenCalledTimes(1);
    stop();
  });

  it('never lets a compression still under way overwrite a newer address', async () => {
    const window = fakeWindow('http://lab.test/');
    const stop = startUrlSync(window as unknown as Window, pageLab);
    seek(4000);
    // The timer fires and the compression of the 4 s run starts; before it answers, the gallery
    // replaces the run (written at once, with a history entry).
    vi.advanceTimersByTime(500);
    void openPreset(pageLab, 'hot-partition');
    await vi.advanceTimersByTimeAsync(0);
    const current = decodeRunLink(new URL(window.location.href).hash.slice(3));
    expect(current.ok && current.run.scenario).toEqual(hotPartition);
    stop();
  });
});

describe('keeping the run locally', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('keeps the run after a change and offers it back on the next visit', async () => {
    const storage = memoryStorage();
    const stop = startPersistence(pageLab, storage);
    openFromLocation(pageLab, { hash: runLinkFragment(sharedRun), search: '' });
    // The run is shown a few tasks later (openInTasks.ts), then kept a second after that.
    await vi.advanceTimersByTimeAsync(10);
    await vi.advanceTimersByTimeAsync(1000);
    stop();
    const kept = decodeRunLink(storage.getItem(STORAGE_KEY) ?? '');
    expect(kept.ok && kept.run).toEqual(sharedRun);

    loadScenario(checkout, 'checkout');
    const offer = offerSavedRun(pageLab, storage);
    expect(offer).toMatchObject({ title: hotPartition.title, playheadMs: 5000, interventionCount: 1 });
    restoreSavedRun();
    expect(sharedRunOf(appStore.getState())).toEqual(sharedRun);
    expect(getRestoreOffer()).toBeNull();
  });

  it('offers nothing for the default run, and drops a kept run that does not decode', () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, encodeRunLink({ scenario: checkout, interventions: [], playheadMs: 0, selection: null, view: {} }));
    expect(offerSavedRun(pageLab, storage)).toBeNull();
    storage.setItem(STORAGE_KEY, '1.garbage');
    expect(offerSavedRun(pageLab, storage)).toBeNull();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('forgets the offered run when dismissed, but never a newer one kept since', () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, encodeRunLink(sharedRun));
    offerSavedRun(pageLab, storage);
    dismissSavedRun();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();

    storage.setItem(STORAGE_KEY, encodeRunLink(sharedRun));
    offerSavedRun(pageLab, storage);
    storage.setItem(STORAGE_KEY, '1.newer');
    dismissSavedRun();
    expect(storage.getItem(STORAGE_KEY)).toBe('1.newer');
  });
});

describe('scenario files', () => {
  it('save the run and open it back as the same scenario with its interventions as actions', async () => {
    applyCommand({ type: 'crash', target: 'email-0' });
    const saved = currentRunFile(pageLab);
    expect(saved.fileName).toBe('checkout-one-event-independent-consumers.json');
    loadScenario(hotPartition);
    expect(await openScenarioFile(pageLab, file(saved.fileName, saved.text))).toBe('opened');
    expect(appStore.getState().run.scenario.actions).toEqual([{ type: 'crash', target: 'email-0', atMs: 0 }]);
  });

  it('refuse a bad or oversized file and keep the current work', async () => {
    applyCommand({ type: 'crash', target: 'email-0' });
    const before = sharedRunOf(appStore.getState());
    const bad = runFileText({ ...checkout, topics: [{ name: 'orders', partitions: 0 }] }, []);
    expect(await openScenarioFile(pageLab, file('class.json', bad))).toBe('refused');
    expect(appStore.getState().ui.message?.text).toMatch(
      /^file "class\.json": topics\[0\]\.partitions is 0; it must be an integer from 1 to 64/,
    );
    expect(await openScenarioFile(pageLab, { name: 'huge.json', size: 70_000, text: () => Promise.reject(new Error('not read')) })).toBe(
      'refused',
    );
    expect(appStore.getState().ui.message?.text).toMatch(/^file "huge\.json": it is 70000 bytes; the limit is 65536 \(64 KB\)/);
    expect(sharedRunOf(appStore.getState())).toEqual(before);
  });

  it('open a lesson file at its first step, and refuse a bad one naming the field, keeping the run', async () => {
    const lesson = JSON.parse(JSON.stringify(findLesson('pub-sub-fan-out'))) as { id: string; steps: { kind: string }[] };
    const custom = { ...lesson, id: 'my-fan-out' };
    expect(await openScenarioFile(pageLab, file('fan-out.json', JSON.stringify(custom)))).toBe('opened');
    await vi.waitFor(() => expect(appStore.getState().lesson?.lesson.id).toBe('my-fan-out'));
    // Not a lesson LogScope ships: the address carries the run itself, not #lesson=.
    expect(fragmentOf(appStore.getState())).toMatch(/^#s=/);
    const before = sharedRunOf(appStore.getState());
    const broken = { ...custom, steps: custom.steps.map((s, i) => (i === 1 ? { ...s, kind: 'quiz' } : s)) };
    expect(await openScenarioFile(pageLab, file('broken.json', JSON.stringify(broken)))).toBe('refused');
    expect(appStore.getState().ui.message?.text).toMatch(/^file "broken\.json": steps\[1\]\.kind is "quiz"; it must be one of/);
    expect(sharedRunOf(appStore.getState())).toEqual(before);
    expect(appStore.getState().lesson?.lesson.id).toBe('my-fan-out');
  });
});

describe('when the run is written to the address bar and storage', () => {
  it('skips the moving playhead while playing, but not what the user did, and writes on stopping', () => {
    const paused = appStore.getState();
    const at = (nowMs: number, playing: boolean) => ({
      ...paused,
      playback: { ...paused.playback, playing },
      sim: { ...paused.sim, snapshot: { ...paused.sim.snapshot, nowMs } },
    });
    expect(shouldWriteRun(at(100, false), at(0, false))).toBe(true);
    expect(shouldWriteRun(at(100, true), at(0, true))).toBe(false);
    const intervened = { ...at(100, true), run: { ...paused.run, interventions: [{ type: 'crash' as const, target: 'email-0', atMs: 100 }] } };
    expect(shouldWriteRun(intervened, at(0, true))).toBe(true);
    expect(shouldWriteRun({ ...at(100, true), ui: { ...paused.ui, selection: 'group:email' } }, at(100, true))).toBe(true);
    expect(shouldWriteRun(at(100, false), at(100, true))).toBe(true);
    expect(shouldWriteRun(at(100, false), at(100, false))).toBe(false);
  });
});
