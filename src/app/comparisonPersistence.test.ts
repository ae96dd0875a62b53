import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { comparisonLinkFragment } from '../share';
import { createComparisonHost } from './comparisonHost';
import {
  COMPARISON_STORAGE_KEY,
  dismissSavedComparison,
  getComparisonRestoreOffer,
  offerSavedComparison,
  restoreSavedComparison,
  startComparisonPersistence,
} from './comparisonPersistence';
import { createLab } from './lab';
import { findPreset, DEFAULT_PRESET_ID } from '../scenarios/presets';

const manualClock = () => 0;
const newHost = () => createComparisonHost(createLab({ scenario: findPreset(DEFAULT_PRESET_ID)!.scenario, presetId: null, wallClock: manualClock }), { wallClock: manualClock });

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

/** Storage whose every access throws (disabled, sandboxed). */
const brokenStorage = new Proxy({} as Storage, {
  get: () => () => {
    throw new Error('SecurityError');
  },
});

describe('keeping the open comparison locally', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('keeps a comparison after a change, offers it back on the next visit and restores both runs at the playhead', async () => {
    const storage = memoryStorage();
    const host = newHost();
    const stop = startComparisonPersistence(host, storage);
    const comparison = host.openPreset('at-least-vs-at-most-once')!;
    comparison.seek(12_000);
    comparison.apply({ type: 'crash', target: 'billing-0' }, 'b');
    await vi.advanceTimersByTimeAsync(1000);
    stop();
    const kept = storage.getItem(COMPARISON_STORAGE_KEY);
    expect(`#c=${kept}`).toBe(comparisonLinkFragment(host.shared()!));
    const hashes = [comparison.a, comparison.b].map((lab) => lab.currentSimulation().traceHash());

    const next = newHost();
    const declined = vi.fn();
    expect(offerSavedComparison(next, storage, declined)).toMatchObject({
      title: 'At-least-once vs at-most-once',
      playheadMs: 12_000,
      interventionCount: 1,
    });
    restoreSavedComparison();
    expect(getComparisonRestoreOffer()).toBeNull();
    const restored = next.current()!;
    await restored.opened;
    expect([restored.a, restored.b].map((lab) => lab.currentSimulation().traceHash())).toEqual(hashes);
    expect(restored.store.getState().presetId).toBe('at-least-vs-at-most-once');
    expect(declined).not.toHaveBeenCalled();
  });

  it('forgets the comparison when it is closed, so the page offers its run again', async () => {
    const storage = memoryStorage();
    const host = newHost();
    const stop = startComparisonPersistence(host, storage);
    host.openPreset('eager-vs-cooperative')!.seek(3_000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.getItem(COMPARISON_STORAGE_KEY)).not.toBeNull();
    host.close();
    expect(storage.getItem(COMPARISON_STORAGE_KEY)).toBeNull();
    stop();
  });

  it('drops bad stored data without an offer or a throw, and survives storage that throws', async () => {
    const storage = memoryStorage();
    const host = newHost();
    for (const bad of ['garbage', '1.garbage', '2.AAAA', '1.' + 'x'.repeat(70_000), '']) {
      storage.setItem(COMPARISON_STORAGE_KEY, bad);
      expect(offerSavedComparison(host, storage)).toBeNull();
      expect(storage.getItem(COMPARISON_STORAGE_KEY)).toBeNull();
    }
    expect(host.current()).toBeNull();
    expect(offerSavedComparison(host, brokenStorage)).toBeNull();
    expect(offerSavedComparison(host, null)).toBeNull();
    const stop = startComparisonPersistence(host, brokenStorage);
    host.openPreset('eager-vs-cooperative')!.seek(2_000);
    await vi.advanceTimersByTimeAsync(1000);
    host.close();
    stop();
  });

  it('forgets the offered comparison when dismissed (never a newer one), then lets the page offer its run', () => {
    const storage = memoryStorage();
    const host = newHost();
    host.openPreset('eager-vs-cooperative');
    const text = comparisonLinkFragment(host.shared()!).slice(3);
    host.close();
    storage.setItem(COMPARISON_STORAGE_KEY, text);
    const declined = vi.fn();
    offerSavedComparison(host, storage, declined);
    dismissSavedComparison();
    expect(storage.getItem(COMPARISON_STORAGE_KEY)).toBeNull();
    expect(declined).toHaveBeenCalledOnce();

    storage.setItem(COMPARISON_STORAGE_KEY, text);
    offerSavedComparison(host, storage);
    storage.setItem(COMPARISON_STORAGE_KEY, '1.newer');
    dismissSavedComparison();
    expect(storage.getItem(COMPARISON_STORAGE_KEY)).toBe('1.newer');
    expect(host.current()).toBeNull();
  });
});
