/**
 * Seeded randomness. One scenario seed; every entity draws from its own stream derived from
 * (seed, entity id), so adding a consumer group never changes what a producer produces.
 *
 * The generator is SFC32 (Chris Doty-Humphrey's "small fast chaotic" generator, 128-bit state,
 * passes PractRand to many terabytes), seeded through SplitMix32. It is written here rather
 * than taken from a package because it must never change under us: a changed generator would
 * silently change every shared link's run. No ambient randomness is used anywhere.
 */
import { murmur2, utf8Bytes } from './producer/murmur2';

export interface RandomStream {
  /** A float uniformly drawn from [0, 1). */
  next(): number;
  /** An integer uniformly drawn from [0, bound). */
  int(bound: number): number;
  /** An exponentially distributed value with the given mean (Poisson inter-arrival gaps). */
  exponential(mean: number): number;
}

function splitmix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates the stream of one entity, e.g. `producer:checkout`. */
export function createStream(seed: number, entityId: string): RandomStream {
  const seedMix = splitmix32(murmur2(utf8Bytes(`${seed}|${entityId}`)) ^ Math.imul(seed | 0, 0x27d4eb2d));
  let a = seedMix();
  let b = seedMix();
  let c = seedMix();
  let d = seedMix() | 1;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard a few outputs so weak seeds are well mixed.
  for (let i = 0; i < 12; i++) nextUint32();
  const next = (): number => nextUint32() / 4294967296;
  return {
    next,
    int: (bound) => Math.floor(next() * bound),
    exponential: (mean) => -Math.log(1 - next()) * mean,
  };
}
