// The decoders (zod, the scenario schemas, the link and file readers) load on demand: the page
// starts the default run without them, and a link waits for them before it is read. Fresh module
// instances (vi.resetModules), since the other unit tests start with the decoders loaded.
import { describe, expect, it, vi } from 'vitest';
import { runLinkFragment } from '../share';
import { findPreset } from '../scenarios/presets';

function fakeWindow(href: string) {
  const url = () => new URL(window.location.href);
  const window = {
    location: {
      href,
      get hash() {
        return url().hash;
      },
      get search() {
        return url().search;
      },
    },
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, next: string) => void (window.location.href = next),
      pushState: (_state: unknown, _title: string, next: string) => void (window.location.href = next),
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    localStorage: null,
  };
  return window as unknown as Window;
}

async function freshPage() {
  vi.resetModules();
  const { loadedDecoders } = await import('./loadDecoders');
  const { createLab } = await import('./lab');
  const { startSharing } = await import('./sharing');
  return { loadedDecoders, lab: createLab(), startSharing };
}

describe('the decoders, loaded on demand', () => {
  it('are not needed for the default run: startSharing finishes at once and leaves them unloaded', async () => {
    const { loadedDecoders, lab, startSharing } = await freshPage();
    expect(startSharing(fakeWindow('http://lab.test/'), lab)).toBeUndefined();
    expect(loadedDecoders()).toBeNull();
    expect(lab.store.getState().run.presetId).toBe('checkout');
  });

  it('are loaded before a #s= link is read, and the address bar keeps the link until then', async () => {
    const { loadedDecoders, lab, startSharing } = await freshPage();
    const hot = findPreset('hot-partition')!.scenario;
    const fragment = runLinkFragment({ scenario: hot, interventions: [], playheadMs: 0, selection: null, view: {} });
    const window = fakeWindow(`http://lab.test/${fragment}`);
    const started = startSharing(window, lab);
    expect(started).toBeInstanceOf(Promise);
    expect(lab.store.getState().run.scenario.title).not.toBe(hot.title);
    expect(window.location.hash).toBe(fragment);
    await started;
    expect(loadedDecoders()).not.toBeNull();
    expect(lab.store.getState().run.scenario).toEqual(hot);
  });
});
