/**
 * Latencies of succeeded orders in a fixed amount of memory, however long the run: exact to the
 * millisecond below 2,048 ms, then 128 buckets per doubling (within 0.8 %), as HdrHistogram
 * records them. Quantiles are read by rank (the smallest value with at least q of the counts at
 * or below it), so p50 and p99 are values some order really took (to the bucket's precision).
 */

const EXACT_BELOW = 2048;
const EXACT_BITS = 11;
const SUB_BUCKET_BITS = 7;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS;

/** Bucket of a whole number of milliseconds. */
function bucketOf(valueMs: number): number {
  if (valueMs < EXACT_BELOW) return valueMs;
  const octave = Math.floor(Math.log2(valueMs));
  const sub = Math.floor(valueMs / 2 ** (octave - SUB_BUCKET_BITS)) - SUB_BUCKETS;
  return EXACT_BELOW + (octave - EXACT_BITS) * SUB_BUCKETS + sub;
}

/** The largest value a bucket holds. */
function bucketTop(bucket: number): number {
  if (bucket < EXACT_BELOW) return bucket;
  const octave = Math.floor((bucket - EXACT_BELOW) / SUB_BUCKETS) + EXACT_BITS;
  const sub = (bucket - EXACT_BELOW) % SUB_BUCKETS;
  const width = 2 ** (octave - SUB_BUCKET_BITS);
  return (SUB_BUCKETS + sub + 1) * width - 1;
}

export interface LatencyQuantiles {
  p50: number | null;
  p99: number | null;
  max: number | null;
}

export class LatencyHistogram {
  /** Counts by bucket index, grown on demand (at most a few thousand entries). */
  private readonly counts: number[] = [];
  count = 0;
  max = 0;

  record(valueMs: number): void {
    const value = Math.max(0, Math.round(valueMs));
    const bucket = bucketOf(value);
    while (this.counts.length <= bucket) this.counts.push(0);
    this.counts[bucket]!++;
    this.count++;
    if (value > this.max) this.max = value;
  }

  /** The q-quantile (0 < q ≤ 1), or null before any value. */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let bucket = 0; bucket < this.counts.length; bucket++) {
      seen += this.counts[bucket]!;
      if (seen >= rank) return Math.min(bucketTop(bucket), this.max);
    }
    return this.max;
  }

  quantiles(): LatencyQuantiles {
    return { p50: this.quantile(0.5), p99: this.quantile(0.99), max: this.count === 0 ? null : this.max };
  }
}
