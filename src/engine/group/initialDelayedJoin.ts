/**
 * Kafka's InitialDelayedJoin: the first rebalance of an empty group waits
 * `group.initial.rebalance.delay.ms` for more members, once more for each wait in which a new
 * member arrived, never longer in all than the rebalance timeout. Plain data.
 */
export class InitialDelayedJoin {
  /** The group is in the delay: the join does not complete even when every member joined. */
  active = false;
  private newMemberAdded = false;
  private remainingMs = 0;

  start(delayMs: number, rebalanceTimeoutMs: number): void {
    this.active = true;
    this.newMemberAdded = false;
    this.remainingMs = Math.max(0, rebalanceTimeoutMs - delayMs);
  }

  /** A new member joined the group's first rebalance. */
  memberAdded(): void {
    this.newMemberAdded = true;
  }

  /** The join deadline passed: how long to wait once more, or null when the delay is over. */
  extend(delayMs: number): number | null {
    if (this.active && this.newMemberAdded && this.remainingMs > 0) {
      const delay = Math.min(delayMs, this.remainingMs);
      this.remainingMs -= delay;
      this.newMemberAdded = false;
      return delay;
    }
    this.active = false;
    return null;
  }
}
