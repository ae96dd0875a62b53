/**
 * Work whose cost grows with the run (publishing a snapshot to the views, compressing the run
 * for the address bar or the kept run) costs well under a millisecond for a preset but tens to
 * hundreds for a scenario at the limits. A Pacer measures each such job and lets the next one
 * come only after `pace` times that cost (and at least `baseDelayMs`), so it never takes more
 * than about 1 / pace of the main thread however large the run is.
 */
export class Pacer {
  private lastCostMs = 0;
  private lastEndMs = Number.NEGATIVE_INFINITY;

  /** `now`: the wall clock (tests pass a manual one, so pacing does not depend on the machine). */
  constructor(
    private readonly baseDelayMs: number,
    private readonly pace = 20,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Delay before the next job. */
  get delayMs(): number {
    return Math.max(this.baseDelayMs, this.lastCostMs * this.pace);
  }

  /** Whether that delay has passed since the last job ended. */
  get due(): boolean {
    return this.now() - this.lastEndMs >= this.delayMs;
  }

  /** Forgets the last cost (a new run). */
  reset(): void {
    this.lastCostMs = 0;
  }

  /** Runs a job and remembers what it cost. */
  measure(job: () => void): void {
    const started = this.now();
    try {
      job();
    } finally {
      this.lastEndMs = this.now();
      this.lastCostMs = this.lastEndMs - started;
    }
  }
}
