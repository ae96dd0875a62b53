import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, toPositive, utf8Bytes } from './murmur2';

// Values from Kafka's own UtilsTest.testMurmur2 (doc/kafka.md, section 1).
const KAFKA_TEST_VALUES: Array<[string, number]> = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
];

// Keys with bytes ≥ 0x80 (every non-ASCII UTF-8 character). Kafka's UtilsTest has none, so these
// values come from running Kafka's Utils.murmur2, copied verbatim, on OpenJDK 17 with
// key.getBytes(StandardCharsets.UTF_8); `javaMurmur2` below recomputes them independently.
const HIGH_BYTE_VALUES: Array<[string, number]> = [
  ['ü-größe', 402164932],
  ['ключ-42', -1352945481],
  ['€', -1352192002],
];

/**
 * Kafka's Utils.murmur2 transcribed line by line with Java's `int` rules spelled out, sharing no
 * code with murmur2.ts so a slip there cannot hide here: BigInt arithmetic wrapped to 32 bits,
 * `>>>` as a shift of the unsigned value, and the key as Java's signed bytes (an Int8Array, where
 * 0xc3 is -61), masked with `& 0xff` exactly where Java masks.
 */
function javaMurmur2(data: Int8Array): number {
  const int = (x: bigint): bigint => BigInt.asIntN(32, x);
  const unsignedShiftRight = (x: bigint, bits: bigint): bigint => BigInt.asUintN(32, x) >> bits;
  const byteAt = (i: number): bigint => BigInt(data[i]! & 0xff);
  const length = data.length;
  const m = int(0x5bd1e995n);
  const r = 24n;
  let h = int(int(0x9747b28cn) ^ BigInt(length));
  const length4 = Math.trunc(length / 4);
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = int(byteAt(i4) + (byteAt(i4 + 1) << 8n) + (byteAt(i4 + 2) << 16n) + (byteAt(i4 + 3) << 24n));
    k = int(k * m);
    k = int(k ^ unsignedShiftRight(k, r));
    k = int(k * m);
    h = int(h * m);
    h = int(h ^ k);
  }
  const tail = length - (length % 4);
  // Java's switch (length % 4) falls through from case 3 to case 1.
  if (length % 4 >= 3) h = int(h ^ (byteAt(tail + 2) << 16n));
  if (length % 4 >= 2) h = int(h ^ (byteAt(tail + 1) << 8n));
  if (length % 4 >= 1) {
    h = int(h ^ byteAt(tail));
    h = int(h * m);
  }
  h = int(h ^ unsignedShiftRight(h, 13n));
  h = int(h * m);
  h = int(h ^ unsignedShiftRight(h, 15n));
  return Number(h);
}

describe('murmur2', () => {
  it.each(KAFKA_TEST_VALUES)('hashes %j to the value Java gives', (key, expected) => {
    expect(murmur2(utf8Bytes(key))).toBe(expected);
  });

  it('hashes the empty key (a real key, zero bytes)', () => {
    expect(murmur2(new Uint8Array(0))).toBe(275646681);
  });

  it.each(HIGH_BYTE_VALUES)('hashes %j, whose UTF-8 has bytes ≥ 0x80, to the value Java gives', (key, expected) => {
    const bytes = utf8Bytes(key);
    expect(bytes.some((b) => b >= 0x80)).toBe(true);
    expect(murmur2(bytes)).toBe(expected);
  });

  it('hashes raw bytes 0x80, 0xff, 0x7f, 0x00, 0xc3 to the value Java gives', () => {
    expect(murmur2(new Uint8Array([0x80, 0xff, 0x7f, 0x00, 0xc3]))).toBe(669270093);
  });
});

describe('the Java reference used for the expected values', () => {
  it.each(KAFKA_TEST_VALUES)('agrees with Kafka’s own UtilsTest value for %j', (key, expected) => {
    expect(javaMurmur2(Int8Array.from(utf8Bytes(key)))).toBe(expected);
  });

  it.each(HIGH_BYTE_VALUES)('gives the same value for %j from signed Java bytes', (key, expected) => {
    const signed = Int8Array.from(utf8Bytes(key));
    expect(signed.some((b) => b < 0)).toBe(true);
    expect(javaMurmur2(signed)).toBe(expected);
  });
});

describe('partitionForKey', () => {
  it('clears the sign bit rather than taking abs: "21" goes to partition 0 of 3', () => {
    expect(toPositive(-973932308)).toBe(1173551340);
    expect(partitionForKey('21', 3)).toBe(0);
    expect(Math.abs(-973932308) % 3).toBe(2);
  });

  it('encodes string keys as UTF-8 before hashing', () => {
    expect(partitionForKey('ü', 7)).toBe(partitionForKey(new Uint8Array([0xc3, 0xbc]), 7));
  });

  it('hashes exactly the bytes of each key, whatever keys came before (long, short, non-ASCII)', () => {
    const keys = ['k'.repeat(200), 'ab', 'order-42', 'ü-1', 'x', 'a'.repeat(65), 'b'];
    for (const key of keys) expect(partitionForKey(key, 1_000_003)).toBe(toPositive(murmur2(utf8Bytes(key))) % 1_000_003);
  });

  it('always lands inside the partition range', () => {
    for (let i = 0; i < 1000; i++) {
      const p = partitionForKey(`order-${i}`, 12);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(12);
    }
  });
});
