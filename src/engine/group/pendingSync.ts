/**
 * Kafka's pendingSyncMembers of one group and their expiry: the member ids of the current
 * generation that have not sent SyncGroup, and the timer that removes them one rebalance
 * timeout after the join completed (the coordinator does the removing, coordinator.ts).
 * Members that rejoined sync at once in this model, so these are static members that did not
 * rejoin. Like Kafka, a static member that comes back under a new member id leaves its old id
 * here. Plain data: a timer id and a set of member ids.
 */
import type { EngineContext } from '../engineContext';
import type { TimerId } from '../eventQueue';

export class PendingSync {
  private readonly memberIds = new Set<string>();
  private deadline: TimerId | null = null;

  get size(): number {
    return this.memberIds.size;
  }

  has(memberId: string): boolean {
    return this.memberIds.has(memberId);
  }

  add(memberId: string): void {
    this.memberIds.add(memberId);
  }

  delete(memberId: string): void {
    this.memberIds.delete(memberId);
  }

  /** Starts the expiry timer for a generation whose join left members without a SyncGroup. */
  armDeadline(ctx: EngineContext, group: string, generation: number, timeoutMs: number): void {
    this.deadline = ctx.schedule(ctx.now + timeoutMs, { kind: 'syncDeadline', group, generation });
  }

  /** The expiry timer fired (whether or not it still matters). */
  deadlinePassed(): void {
    this.deadline = null;
  }

  /** The members that never synced, in the order they were added; the set is emptied. */
  takeAll(): string[] {
    const memberIds = [...this.memberIds];
    this.memberIds.clear();
    return memberIds;
  }

  /** A new rebalance starts: nobody's SyncGroup of the old generation is awaited. */
  clear(ctx: EngineContext): void {
    this.memberIds.clear();
    if (this.deadline !== null) ctx.cancel(this.deadline);
    this.deadline = null;
  }
}
