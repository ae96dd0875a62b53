/**
 * Engine facts the insight views need that are not about one moment of the run: the lag
 * sampling interval and Kafka's default partitioner, step by step. What the run says at a
 * moment reaches views through the store's queries (simQueries.ts).
 */
import { LAG_LIMITS, murmur2, toPositive, utf8Bytes } from '../engine';

/** Lag is sampled once a virtual second; the lag views follow that tick, not every frame. */
export const LAG_SAMPLE_INTERVAL_MS = LAG_LIMITS.sampleIntervalMs;

/** Kafka's default partitioner, step by step, for the inspector: murmur2 → & 0x7fffffff → % N. */
export function partitioningOf(key: string, partitionCount: number): { hash: number; positive: number; partition: number } {
  const hash = murmur2(utf8Bytes(key));
  const positive = toPositive(hash);
  return { hash, positive, partition: positive % partitionCount };
}
