/**
 * Offline use: registers the service worker the production build writes beside index.html
 * (`sw.js`, made by the offline plugin in vite.config.ts), which precaches the whole build, and
 * reports when the lab can reload without a network. The dev server has no worker (its modules
 * change on every edit), and browsers allow workers only on secure pages (https, localhost).
 * Nothing here may break the page: without a worker the lab simply needs the network to reload.
 */

/**
 * `unavailable`: no worker (dev server, insecure page, unsupported browser, or registration
 * failed). `preparing`: registered, still downloading the build. `ready`: the build is cached.
 */
export type OfflineStatus = 'unavailable' | 'preparing' | 'ready';

/** The page's offline state, in the shape React's useSyncExternalStore reads. */
export interface Offline {
  status(): OfflineStatus;
  subscribe(listener: () => void): () => void;
}

export interface OfflineOptions {
  /** Register only in production builds; tests pass it explicitly. */
  production?: boolean;
  /** The worker's address, relative to the page. */
  workerUrl?: string;
}

/** The parts of `window` this module touches, so tests can hand in a fake. */
type OfflineWindow = Pick<
  Window,
  'isSecureContext' | 'navigator' | 'document' | 'addEventListener'
>;

/** Starts offline support for the page (see the module comment); never throws. */
export function registerOffline(target: OfflineWindow, options: OfflineOptions = {}): Offline {
  const { production = import.meta.env.PROD, workerUrl = './sw.js' } = options;
  let current: OfflineStatus = 'unavailable';
  const listeners = new Set<() => void>();
  const set = (next: OfflineStatus) => {
    if (next === current) return;
    current = next;
    for (const listener of listeners) listener();
  };
  const offline: Offline = {
    status: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  let container: ServiceWorkerContainer | undefined;
  try {
    container = production && target.isSecureContext ? target.navigator.serviceWorker : undefined;
  } catch {
    container = undefined;
  }
  if (!container) return offline;
  const workers = container;
  set('preparing');

  const register = async () => {
    try {
      await workers.register(workerUrl);
      // `ready` settles once a worker is active, which it becomes only after its install has
      // cached every file of the build.
      const registration = await workers.ready;
      set(registration.active ? 'ready' : 'unavailable');
    } catch {
      // Blocked storage, a private mode without workers, a missing sw.js: the page works as before.
      set('unavailable');
    }
  };
  // After the load event, so precaching does not compete with the page's own first load.
  if (target.document.readyState === 'complete') void register();
  else target.addEventListener('load', () => void register(), { once: true });
  return offline;
}
