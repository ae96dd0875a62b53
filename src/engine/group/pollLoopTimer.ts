/**
 * The poll loop's one pending event (consumerInstance.ts): the next poll, or the end of the
 * record being processed. At most one is queued per instance at a time; a pause, a crash or a
 * wake-up cancels it, and a wake-up already due at this instant is not queued twice.
 */
import type { EngineContext } from '../engineContext';
import type { InstanceEvents } from './instanceEvents';
import type { TimerId } from '../eventQueue';

export class PollLoopTimer {
  private entry: TimerId | null = null;
  /** When the pending event is due (meaningful while `armed`). */
  private dueMs = 0;

  get armed(): boolean {
    return this.entry !== null;
  }

  /** Armed, and due at `atMs`. */
  isDueAt(atMs: number): boolean {
    return this.entry !== null && this.dueMs === atMs;
  }

  /** Queues the next poll (cancelling whatever was pending). */
  schedulePoll(ctx: EngineContext, atMs: number, events: InstanceEvents): void {
    this.cancel(ctx);
    this.entry = ctx.schedule(atMs, events.poll);
    this.dueMs = atMs;
  }

  /** Queues the end of the current record (nothing is pending then). */
  scheduleRecordDone(ctx: EngineContext, atMs: number, events: InstanceEvents): void {
    this.entry = ctx.schedule(atMs, events.recordDone);
    this.dueMs = atMs;
  }

  cancel(ctx: EngineContext): void {
    if (this.entry !== null) ctx.cancel(this.entry);
    this.entry = null;
  }

  /** Its event was dispatched: nothing is pending. */
  fired(): void {
    this.entry = null;
  }
}
