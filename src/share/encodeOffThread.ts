/**
 * Encodes a run link in a worker. Compressing a run at the limits (about 100 KB of scenario)
 * takes 250–450 ms, one task long enough to freeze the page; the address bar and the kept run
 * are written often, so they hand the work to a worker and write when it answers. Where there
 * is no worker (Node, tests, a browser that refuses one), the run is encoded at once: the same
 * text either way.
 */
import { encodeRunLink } from './encodeRunLink';
import type { SharedRun } from './sharedRun';

interface Answer {
  id: number;
  text?: string;
  error?: string;
}

let worker: Worker | null | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();

function encoderWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = typeof Worker === 'function' ? new Worker(new URL('./linkEncoderWorker.ts', import.meta.url), { type: 'module' }) : null;
  } catch {
    worker = null;
  }
  worker?.addEventListener('message', (event: MessageEvent<Answer>) => {
    const waiting = pending.get(event.data.id);
    if (!waiting) return;
    pending.delete(event.data.id);
    if (event.data.text !== undefined) waiting.resolve(event.data.text);
    else waiting.reject(new Error(event.data.error ?? 'the link could not be encoded'));
  });
  // A worker that fails to load (an old cached page, a strict policy) is given up for good:
  // whatever it was asked is encoded here instead.
  worker?.addEventListener('error', () => {
    worker?.terminate();
    worker = null;
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(new Error('the link encoder stopped'));
    }
  });
  return worker;
}

/** `<version>.<data>` for `run`, as `encodeRunLink` gives it, computed off the main thread where possible. */
export async function encodeRunLinkOffThread(run: SharedRun): Promise<string> {
  const encoder = encoderWorker();
  if (encoder === null) return encodeRunLink(run);
  const id = nextId++;
  try {
    return await new Promise<string>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      encoder.postMessage({ id, run });
    });
  } catch {
    return encodeRunLink(run);
  }
}
