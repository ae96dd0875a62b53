import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, toPositive, utf8Bytes } from './murmur2';

// Values from Kafka's own UtilsTest.testMurmur2 and kafka-semantics.md.
const KAFKA_TEST_VALUES: Array<[string, number]> = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
];

describe('murmur2', () => {
  it.each(KAFKA_TEST_VALUES)('hashes %j to the value Java gives', (key, expected) => {
    expect(murmur2(utf8Bytes(key))).toBe(expected);
  });

  it('hashes the empty key (a real key, zero bytes)', () => {
    expect(murmur2(new Uint8Array(0))).toBe(275646681);
  });

  it('reads bytes at or above 0x80 as unsigned, like Java masking with & 0xff', () => {
    const bytes = utf8Bytes('ü-größe');
    expect(bytes.some((b) => b >= 0x80)).toBe(true);
    const asSigned = Int8Array.from(bytes);
    expect(murmur2(Uint8Array.from(asSigned, (b) => b & 0xff))).toBe(murmur2(bytes));
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

  it('always lands inside the partition range', () => {
    for (let i = 0; i < 1000; i++) {
      const p = partitionForKey(`order-${i}`, 12);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(12);
    }
  });
});
