/**
 * Key distributions of a producer (scenario `keys`): a sequence of ids, uniform over N keys,
 * Zipf-skewed over N keys (a hot key or two), or no key at all. Every draw comes from the
 * producer's own random stream.
 */
import type { RandomStream } from '../random';
import type { KeySpec } from '../scenario';

/** Draws the next key; its state is plain fields, so simulations can be deep-copied. */
export class KeyGenerator {
  private sequence = 0;
  private readonly cdf: Float64Array | null;

  constructor(private readonly spec: KeySpec) {
    this.cdf = spec.kind === 'zipf' ? zipfCdf(spec.count, spec.s ?? 1.1) : null;
  }

  /** The next key, drawing from the producer's stream (passed in: the producer owns it). */
  next(stream: RandomStream): string | null {
    const keys = this.spec;
    switch (keys.kind) {
      case 'none':
        return null;
      case 'sequence':
        return (keys.prefix ?? '') + this.sequence++;
      case 'uniform':
        return (keys.prefix ?? 'key-') + stream.int(keys.count);
      case 'zipf':
        return (keys.prefix ?? 'key-') + lowerBound(this.cdf!, stream.next());
    }
  }
}

export function createKeyGenerator(spec: KeySpec | undefined): KeyGenerator {
  return new KeyGenerator(Object.freeze({ ...(spec ?? { kind: 'none' }) }));
}

/** Cumulative probabilities of ranks 0..count-1 with weight 1/(rank+1)^s. */
function zipfCdf(count: number, s: number): Float64Array {
  const cdf = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += 1 / Math.pow(i + 1, s);
    cdf[i] = total;
  }
  for (let i = 0; i < count; i++) cdf[i]! /= total;
  return cdf;
}

function lowerBound(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
