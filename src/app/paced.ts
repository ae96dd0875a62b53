/**
 * Background writes that compress the whole run (the address bar, the kept run) cost about a
 * millisecond for a preset but 100–200 ms for a scenario at the limits. Each write measures
 * itself, and the next one waits at least `PACE` times that long, so such writes never take
 * more than about 5 % of the main thread however large the run is.
 */
const PACE = 20;

export class Pacer {
  private lastCostMs = 0;

  constructor(private readonly baseDelayMs: number) {}

  /** Delay before the next write. */
  get delayMs(): number {
    return Math.max(this.baseDelayMs, this.lastCostMs * PACE);
  }

  /** Runs a write and remembers what it cost. */
  measure(write: () => void): void {
    const started = performance.now();
    try {
      write();
    } finally {
      this.lastCostMs = performance.now() - started;
    }
  }
}
