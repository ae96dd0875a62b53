/**
 * The worker side of `encodeRunLinkOffThread`: encodes each run it is sent and answers with the
 * request's id. Nothing else runs here.
 */
import { encodeRunLink } from './encodeRunLink';
import type { SharedRun } from './sharedRun';

interface Request {
  id: number;
  run: SharedRun;
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, run } = event.data;
  try {
    self.postMessage({ id, text: encodeRunLink(run) });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
