/**
 * When a Kafka client next refreshes its metadata (doc/kafka.md §1.5). A producer or consumer
 * fetches the cluster's metadata when it starts and then every `metadata.max.age.ms` after its
 * last refresh (Kafka's Metadata.timeToNextUpdate), so partitions added to a topic stay unseen
 * until that refresh. Pure: the caller schedules the refresh as an engine event.
 */

/**
 * The first refresh at or after `atMs` of a client whose refreshes fall at `phaseMs` +
 * k × `maxAgeMs`. With `metadata.max.age.ms` 0 (Kafka allows it) the client refreshes at once.
 */
export function nextMetadataRefreshMs(phaseMs: number, maxAgeMs: number, atMs: number): number {
  if (maxAgeMs <= 0 || atMs <= phaseMs) return Math.max(atMs, phaseMs);
  return phaseMs + Math.ceil((atMs - phaseMs) / maxAgeMs) * maxAgeMs;
}
