/**
 * One group's lag sample, kept in columns. At the limits a sample covers 1,024 partitions for
 * each of 16 groups every virtual second, and every sample stays in the history: one object per
 * partition made each sample 16,384 retained objects to build, freeze and collect. Here a
 * sample is a frozen object holding three frozen arrays of numbers (shared by checkpoint
 * copies, as deepClone shares frozen values) and the partition keys (one frozen array, shared by
 * a group's samples while its partitions do not change); a column equal to the previous sample's
 * is that column itself. Plain arrays rather than typed arrays: a small typed array costs about
 * 230 B of heap besides its numbers, which made an hour of samples (3 groups × 3,600 of 3
 * partitions) 8.8 MiB, about a third of the engine benchmark's heap at the hour. The per-partition objects of `partitions` are made only when a chart or an
 * export reads them, once per sample.
 */
import type { BurrowGroupStatus, LagStatus } from './evaluateLagStatus';

export interface PartitionLagSample {
  /** High watermark − committed offset; null without a commit. */
  committedLag: number | null;
  /** High watermark − position of the owning running instance; null when nobody owns it. */
  positionLag: number | null;
  /** Age in ms of the next record the read model has yet to apply; 0 when caught up. */
  behindMs: number;
}

export interface GroupLagSample {
  atMs: number;
  /** By partition key (`topic-partition`), in the subscription's order. */
  readonly partitions: Readonly<Record<string, PartitionLagSample>>;
  staleness: { seconds: number; records: number };
  status: LagStatus;
  /** Burrow's group status (ERR for any STOP, STALL or REWIND partition, WARN for any WARN). */
  burrowStatus: BurrowGroupStatus;
}

/** A lag is never negative (each is floored at 0): −1 in a column stands for null. */
const NONE = -1;

/** The columns of one sample, index i for `keys[i]`. */
export interface LagColumns {
  readonly keys: readonly string[];
  readonly committedLag: readonly number[];
  readonly positionLag: readonly number[];
  readonly behindMs: readonly number[];
}

/** Fills the columns of one sample, partition by partition (pushes keep the arrays packed doubles). */
export class LagColumnsBuilder {
  private keys: string[] | null = null;
  private count = 0;
  private readonly committed: number[] = [];
  private readonly position: number[] = [];
  private readonly behind: number[] = [];

  /** `previous`: the group's last sample, whose keys and equal columns are reused. */
  constructor(private readonly previous: LagColumns | null) {}

  add(key: string, committedLag: number | null, positionLag: number | null, behindMs: number): void {
    const i = this.count++;
    if (this.keys === null && this.previous?.keys[i] !== key) this.keys = this.previous ? this.previous.keys.slice(0, i) : [];
    if (this.keys !== null) this.keys.push(key);
    this.committed.push(committedLag ?? NONE);
    this.position.push(positionLag ?? NONE);
    this.behind.push(behindMs);
  }

  /** The finished columns: the previous sample's keys and equal columns reused. */
  finish(): LagColumns {
    const previous = this.previous;
    const n = this.count;
    const sameKeys = this.keys === null && previous !== null && previous.keys.length === n;
    const keys = sameKeys ? previous.keys : Object.freeze(this.keys ?? previous?.keys.slice(0, n) ?? []);
    const fit = (column: number[], before: readonly number[] | undefined): readonly number[] =>
      // A copy of exactly the column's length: pushes leave spare capacity (17 slots for 3 values).
      sameKeys && before !== undefined && equalColumns(column, before) ? before : Object.freeze(column.slice());
    return {
      keys,
      committedLag: fit(this.committed, previous?.committedLag),
      positionLag: fit(this.position, previous?.positionLag),
      behindMs: fit(this.behind, previous?.behindMs),
    };
  }
}

function equalColumns(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A sample as kept in the history: frozen; its per-partition objects made on first read. */
export class ColumnarLagSample implements GroupLagSample {
  readonly atMs: number;
  readonly staleness: { readonly seconds: number; readonly records: number };
  readonly status: LagStatus;
  readonly burrowStatus: BurrowGroupStatus;
  readonly columns: LagColumns;
  // A private field is not a property: freezing the sample leaves this cache writable.
  #partitions: Readonly<Record<string, PartitionLagSample>> | null = null;

  constructor(atMs: number, columns: LagColumns, staleness: { seconds: number; records: number }, status: LagStatus, burrowStatus: BurrowGroupStatus) {
    this.atMs = atMs;
    this.columns = columns;
    this.staleness = Object.freeze(staleness);
    this.status = status;
    this.burrowStatus = burrowStatus;
    // Samples never change once taken: frozen, checkpoint copies share them.
    Object.freeze(this);
  }

  get partitions(): Readonly<Record<string, PartitionLagSample>> {
    if (this.#partitions === null) {
      const { keys, committedLag, positionLag, behindMs } = this.columns;
      const out: Record<string, PartitionLagSample> = {};
      for (let i = 0; i < keys.length; i++) {
        out[keys[i]!] = Object.freeze({
          committedLag: committedLag[i] === NONE ? null : committedLag[i]!,
          positionLag: positionLag[i] === NONE ? null : positionLag[i]!,
          behindMs: behindMs[i]!,
        });
      }
      this.#partitions = Object.freeze(out);
    }
    return this.#partitions;
  }

  /** The plain shape, for JSON (a getter is not an own property). */
  toJSON(): GroupLagSample {
    return { atMs: this.atMs, partitions: this.partitions, staleness: this.staleness, status: this.status, burrowStatus: this.burrowStatus };
  }
}
