/**
 * The request-serving side of one service instance: `threads` workers and an unbounded FIFO
 * queue of requests waiting for one (a thread pool in front of an accept queue). Work the
 * instance cannot do while its process is hung is parked and done when it resumes. A crash or a
 * stop empties it and starts a new incarnation, so events of the old one are recognised and
 * ignored.
 */

/** Work an instance could not do while it was hung, done in order when it resumes. */
export type ParkedWork =
  | { step: 'done'; request: number }
  | { step: 'answer'; request: number; answer: CallAnswer };

/** What a callee answers (or what its caller concludes when it gives up waiting). */
export interface CallAnswer {
  ok: boolean;
  /** Why it failed, in words ("email refused the call (crashed)"); empty on success. */
  reason: string;
  /** The service the failure started at; empty on success. */
  service: string;
  /** The caller gave up waiting (no answer within timeoutMs). */
  timedOut: boolean;
}

export const SUCCESS: CallAnswer = Object.freeze({ ok: true, reason: '', service: '', timedOut: false });

export class InstanceWorkers {
  /** Workers holding a request (processing it, or waiting on a downstream call for it). */
  busy = 0;
  /** Bumped by a crash or stop: requests of an earlier incarnation are gone. */
  incarnation = 0;
  parked: ParkedWork[] = [];
  private queue: number[] = [];
  private head = 0;

  get queued(): number {
    return this.queue.length - this.head;
  }

  enqueue(request: number): void {
    this.queue.push(request);
  }

  dequeue(): number | undefined {
    if (this.head >= this.queue.length) return undefined;
    const request = this.queue[this.head++]!;
    // Drop the consumed prefix now and then, so a long run's queue stays its live length.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return request;
  }

  /** The process is gone: no worker, queue or parked work survives it. */
  reset(): void {
    this.busy = 0;
    this.queue = [];
    this.head = 0;
    this.parked = [];
    this.incarnation++;
  }
}
