/**
 * The gallery's presets without their scenarios: ids, titles and what each teaches. The page
 * loads this at start (the gallery, lessons and `#preset=` links need the names at once); the
 * scenarios themselves load on demand (presetScenarios.ts), all but the default one.
 */
export interface PresetEntry {
  id: string;
  title: string;
  /** One line on what happens. */
  description: string;
  /** The concept it teaches. */
  concept: string;
}

export const PRESET_ENTRIES: readonly PresetEntry[] = [
  {
    id: 'checkout',
    title: 'Checkout',
    description:
      'checkout emits OrderPlaced; inventory, billing and email each consume it independently.',
    concept: 'Pub/sub: one event, many independent consumer groups',
  },
  {
    id: 'email-outage',
    title: 'Email outage',
    description:
      'Email crashes at 20 s and restarts at 50 s; it resumes from its committed offset and catches up.',
    concept: 'Eventual consistency and resuming from committed offsets',
  },
  {
    id: 'late-fraud-check',
    title: 'Late fraud check',
    description: 'fraud-check subscribes at 60 s and replays all retained orders; checkout is untouched.',
    concept: 'Adding a consumer needs zero producer changes',
  },
  {
    id: 'late-fraud-check-latest',
    title: 'Late fraud check (latest)',
    description: 'The same late subscriber with auto.offset.reset=latest sees only orders placed after it joined.',
    concept: 'auto.offset.reset: earliest replays history, latest does not',
  },
  {
    id: 'cqrs-rebuild',
    title: 'Rebuild a read model',
    description: 'inventory is stopped, reset to earliest with rebuild, and rebuilds its stock from the log.',
    concept: 'The log as the source of truth; read models are derived (CQRS)',
  },
  {
    id: 'commands-vs-events',
    title: 'Commands vs events',
    description: 'web sends PlaceOrder commands to checkout, which rejects some; accepted ones fan out as OrderPlaced.',
    concept: 'Commands are directed and can be refused; events are facts for everyone',
  },
  {
    id: 'pubsub-vs-queue',
    title: 'Pub/sub vs queue',
    description: 'One group of three shares the work; three groups of one each get every record.',
    concept: 'Consumer groups: work sharing inside a group, broadcast across groups',
  },
  {
    id: 'at-least-once-vs-at-most-once',
    title: 'At-least-once vs at-most-once',
    description:
      'Two billing groups, one committing after processing and one before, both crash in the middle of a batch.',
    concept: 'Delivery guarantees: commit after processing duplicates, commit before processing loses',
  },
  {
    id: 'hang-vs-session-timeout',
    title: 'Hang vs session timeout',
    description: 'email-0 hangs for 5 s (no rebalance) and later for 25 s (evicted, its partitions move).',
    concept: 'Heartbeats and session.timeout.ms decide when a silent member is declared dead',
  },
  {
    id: 'eager-vs-cooperative',
    title: 'Eager vs cooperative rebalancing',
    description: 'Two groups that differ only in their assignor; both scale from two to three instances at the same moment.',
    concept: 'Eager rebalancing revokes everything; cooperative-sticky moves only what must move',
  },
  {
    id: 'hot-partition',
    title: 'Hot partition',
    description: 'Zipf-distributed keys pile most of the traffic onto one partition and its one consumer.',
    concept: 'Key choice limits parallelism: one partition, one consumer per group',
  },
  {
    id: 'retention-loses-data',
    title: 'Retention loses data',
    description: 'A consumer slowed to a tenth of its speed falls behind a topic with 30 s retention.',
    concept: 'Retention deletes by age whether or not anyone has read the records',
  },
  {
    id: 'compacted-profiles',
    title: 'Compacted profiles',
    description: 'Profile updates for 20 users on a compacted topic, a tombstone, then a late reader.',
    concept: 'Log compaction keeps the latest value per key: a topic as a table',
  },
  {
    id: 'adding-partitions-breaks-order',
    title: 'Adding partitions breaks order',
    description: 'accounts grows from 2 to 4 partitions while ledger has a backlog; some keys move partition.',
    concept: 'Per-key order holds only while the key-to-partition mapping stays fixed',
  },
  {
    id: 'sync-checkout',
    title: 'Sync checkout',
    description:
      'checkout calls inventory, billing and email in a chain; email is down from 20 s to 50 s and every order placed meanwhile fails.',
    concept: 'Synchronous calls fail together: one service down stalls the whole call chain',
  },
  {
    id: 'acks-1-loses-data',
    title: 'acks=1 loses data',
    description: 'The leader acknowledges before its slow follower copies, then crashes; the follower takes over without the tail.',
    concept: 'acks=1 is not durable: an acknowledged record can be lost in a clean leader change',
  },
  {
    id: 'min-insync-refuses-writes',
    title: 'min.insync.replicas refuses writes',
    description: 'Two of three brokers crash; the leader refuses acks=all writes with NOT_ENOUGH_REPLICAS until one returns.',
    concept: 'acks=all with min.insync.replicas trades availability for durability',
  },
  {
    id: 'unclean-election-loses-data',
    title: 'Unclean election loses data',
    description: 'The only in-sync replica dies; an out-of-sync replica returns and leads, and acknowledged records vanish.',
    concept: 'unclean.leader.election.enable trades durability for availability',
  },
  {
    id: 'retries-duplicate',
    title: 'Retries duplicate',
    description: "The leader's answers arrive after request.timeout.ms; without idempotence each resend is written again.",
    concept: 'A retry after a lost answer writes twice unless the producer is idempotent',
  },
  {
    id: 'idempotent-producer',
    title: 'Idempotent producer',
    description: 'The same late answers with enable.idempotence=true: the leader recognises each resent batch by its sequence number.',
    concept: 'Idempotence: producer id and sequence numbers make retries safe and keep order',
  },
  {
    id: 'coordinator-failover',
    title: 'Coordinator failover',
    description: "The broker hosting billing's group coordinator crashes; commits fail until the controller moves the coordinator.",
    concept: 'The group coordinator is a broker too: commits depend on it, and it fails over',
  },
];

export const DEFAULT_PRESET_ID = 'checkout';

export function isPresetId(id: string): boolean {
  return PRESET_ENTRIES.some((entry) => entry.id === id);
}

/** The comparisons of the gallery (comparisonPresets.ts has their runs and notes). */
export const COMPARISON_ENTRIES: readonly PresetEntry[] = [
  {
    id: 'sync-vs-events',
    title: 'Sync calls vs events: one email outage',
    description: 'The same checkout, orders and email outage (20 s to 50 s): in A checkout calls inventory, billing and email in a chain; in B it appends OrderPlaced to the log they read.',
    concept: 'A chain of calls is as available as its weakest link; services joined by a log fail independently',
  },
  {
    id: 'late-fraud-earliest-vs-latest',
    title: 'Late fraud check: earliest vs latest',
    description: 'fraud-check joins at 60 s: in A it replays every retained order, in B it sees only new ones. The orders log is the same in both.',
    concept: 'auto.offset.reset decides what a new group reads; adding a consumer changes nothing for the producer',
  },
  {
    id: 'at-least-vs-at-most-once',
    title: 'At-least-once vs at-most-once',
    description: 'The same billing group crashes mid-batch at 21 s: in A it commits after processing, in B before.',
    concept: 'Commit after processing duplicates; commit before processing loses',
  },
  {
    id: 'eager-vs-cooperative',
    title: 'Eager vs cooperative rebalancing',
    description: 'The same group scales from two to three instances at 30 s: in A with the range assignor (eager), in B with cooperative-sticky.',
    concept: 'Eager rebalancing revokes everything; cooperative-sticky moves only what must move',
  },
];

export function comparisonEntry(id: string): PresetEntry {
  return COMPARISON_ENTRIES.find((entry) => entry.id === id)!;
}
