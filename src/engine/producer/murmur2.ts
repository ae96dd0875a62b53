/**
 * Kafka's murmur2 hash and its default key partitioning, bit for bit as the Java client
 * computes them (`Utils.murmur2`, `BuiltInPartitioner.partitionForKey`).
 *
 * Java works in 32-bit ints: every multiply wraps (Math.imul here), `>>>` is the unsigned
 * shift, and bytes are read unsigned (`& 0xff`; a Uint8Array already is). The result is the
 * signed int Java returns.
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

const utf8 = new TextEncoder();

/**
 * UTF-8 bytes of a key, as Kafka's StringSerializer produces them. Most keys are plain ASCII
 * ("order-42"), whose UTF-8 bytes are their char codes: copying them by hand is several times
 * cheaper than TextEncoder's call, which cost more than the hash itself.
 */
export function utf8Bytes(key: string): Uint8Array {
  const length = key.length;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const code = key.charCodeAt(i);
    if (code > 0x7f) return utf8.encode(key);
    bytes[i] = code;
  }
  return bytes;
}

/** Kafka's `Utils.murmur2` over the first `length` bytes. */
export function murmur2(bytes: Uint8Array, length = bytes.length): number {
  let h = (SEED ^ length) | 0;
  const blocks = length >>> 2;
  for (let i = 0; i < blocks; i++) {
    const i4 = i * 4;
    let k =
      (bytes[i4]! & 0xff) |
      ((bytes[i4 + 1]! & 0xff) << 8) |
      ((bytes[i4 + 2]! & 0xff) << 16) |
      ((bytes[i4 + 3]! & 0xff) << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const tail = length & ~3;
  // Java's switch falls through from 3 to 2 to 1; written as nested conditions here.
  const left = length % 4;
  if (left >= 3) h ^= (bytes[tail + 2]! & 0xff) << 16;
  if (left >= 2) h ^= (bytes[tail + 1]! & 0xff) << 8;
  if (left >= 1) {
    h ^= bytes[tail]! & 0xff;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's `Utils.toPositive`: clears the sign bit (it is not `abs`). */
export function toPositive(value: number): number {
  return value & 0x7fffffff;
}

/**
 * Bytes of the last ASCII key partitioned: every keyed record is partitioned, so its bytes go
 * to this buffer, overwritten before each use, instead of a new array per record.
 */
let asciiScratch = new Uint8Array(64);

/** Writes an ASCII key's bytes to `asciiScratch` and returns their count; -1 when the key is not ASCII. */
function asciiIntoScratch(key: string): number {
  const length = key.length;
  if (length > asciiScratch.length) asciiScratch = new Uint8Array(length * 2);
  for (let i = 0; i < length; i++) {
    const code = key.charCodeAt(i);
    if (code > 0x7f) return -1;
    asciiScratch[i] = code;
  }
  return length;
}

/** The partition Kafka's default partitioner picks for a non-null key. */
export function partitionForKey(key: string | Uint8Array, partitionCount: number): number {
  if (typeof key !== 'string') return toPositive(murmur2(key)) % partitionCount;
  const length = asciiIntoScratch(key);
  const hash = length < 0 ? murmur2(utf8.encode(key)) : murmur2(asciiScratch, length);
  return toPositive(hash) % partitionCount;
}
