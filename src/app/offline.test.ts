import { describe, expect, it, vi } from 'vitest';
import { registerOffline } from './offline';

type FakeOptions = {
  secure?: boolean;
  readyState?: DocumentReadyState;
  register?: () => Promise<unknown>;
  active?: boolean;
  noWorkers?: boolean;
  workersThrow?: boolean;
};

/** A window with just what registerOffline touches; `load()` fires the load event. */
function fakeWindow(options: FakeOptions = {}) {
  const register = vi.fn(options.register ?? (() => Promise.resolve({})));
  const ready = Promise.resolve({ active: options.active === false ? null : {} });
  let onLoad: (() => void) | undefined;
  const navigator = {};
  if (!options.noWorkers) {
    Object.defineProperty(navigator, 'serviceWorker', {
      get() {
        if (options.workersThrow) throw new Error('SecurityError');
        return { register, ready };
      },
    });
  }
  const target = {
    isSecureContext: options.secure ?? true,
    navigator,
    document: { readyState: options.readyState ?? 'complete' },
    addEventListener: (type: string, listener: () => void) => {
      if (type === 'load') onLoad = listener;
    },
  } as unknown as Window;
  return { target, register, load: () => onLoad?.() };
}

/** Lets the registration's promise chain run to its end. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('registerOffline', () => {
  it('registers nothing outside production builds (the dev server and tests)', async () => {
    const page = fakeWindow();
    expect(registerOffline(page.target).status()).toBe('unavailable');
    await settle();
    expect(page.register).not.toHaveBeenCalled();
  });

  it('registers nothing on an insecure page, or where the browser has no service workers', async () => {
    for (const page of [
      fakeWindow({ secure: false }),
      fakeWindow({ noWorkers: true }),
      fakeWindow({ workersThrow: true }),
    ]) {
      expect(registerOffline(page.target, { production: true }).status()).toBe('unavailable');
      await settle();
      expect(page.register).not.toHaveBeenCalled();
    }
  });

  it('registers ./sw.js after the load event and reports ready once a worker is active', async () => {
    const page = fakeWindow({ readyState: 'interactive' });
    const offline = registerOffline(page.target, { production: true });
    const seen: string[] = [];
    offline.subscribe(() => seen.push(offline.status()));
    expect(offline.status()).toBe('preparing');
    await settle();
    expect(page.register).not.toHaveBeenCalled();
    page.load();
    await settle();
    expect(page.register).toHaveBeenCalledWith('./sw.js');
    expect(offline.status()).toBe('ready');
    expect(seen).toEqual(['ready']);
  });

  it('a failed registration leaves the page as it was, without throwing', async () => {
    const page = fakeWindow({ register: () => Promise.reject(new Error('blocked')) });
    const offline = registerOffline(page.target, { production: true });
    await settle();
    expect(page.register).toHaveBeenCalledTimes(1);
    expect(offline.status()).toBe('unavailable');
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const page = fakeWindow();
    const offline = registerOffline(page.target, { production: true });
    const listener = vi.fn();
    offline.subscribe(listener)();
    await settle();
    expect(offline.status()).toBe('ready');
    expect(listener).not.toHaveBeenCalled();
  });
});
