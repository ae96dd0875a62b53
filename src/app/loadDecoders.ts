/**
 * Loads the decoders (decoders.ts: zod, the scenario schemas, the link and file readers) on
 * demand, so the page's start-up JavaScript leaves them out: the default run needs none of them.
 * Whatever opens input awaits {@link loadDecoders} first (startSharing does when the address or
 * the kept run names something); {@link loadedDecoders} then answers at once, and is null only
 * before that (or when the chunk could not be fetched).
 */
export type Decoders = typeof import('./decoders');

let loaded: Decoders | null = null;
let loading: Promise<Decoders> | null = null;

export function loadDecoders(): Promise<Decoders> {
  loading ??= import('./decoders').then(
    (decoders) => (loaded = decoders),
    (error: unknown) => {
      // A failed fetch (offline before the worker cached it) may succeed later: try again then.
      loading = null;
      throw error;
    },
  );
  return loading;
}

export function loadedDecoders(): Decoders | null {
  return loaded;
}

/** What a refusal says when the decoders could not be fetched. */
export const DECODERS_MISSING = 'the code that reads links and files did not load (check the connection and reload)';
