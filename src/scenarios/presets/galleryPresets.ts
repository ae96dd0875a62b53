/**
 * Gallery presets for the classic traps of event-driven systems: delivery guarantees, session
 * timeouts, rebalancing protocols, hot partitions, retention, compaction and repartitioning.
 * Plain data, like every preset: the gallery, the CLI, unit tests and e2e share them.
 */
import type { Scenario } from '../../engine';

const FORMAT = { format: 'logscope-scenario', version: 1 } as const;

const manualCommit = {
  'enable.auto.commit': false,
  'auto.offset.reset': 'earliest' as const,
  'max.poll.records': 100,
  'session.timeout.ms': 10_000,
};

/** Both groups commit by hand: one after each batch, one as soon as poll returns. */
export const atLeastOnceVsAtMostOnce: Scenario = {
  ...FORMAT,
  title: 'At-least-once vs at-most-once: commit after or before processing',
  seed: 21,
  topics: [{ name: 'orders', partitions: 2 }],
  producers: [
    { id: 'checkout', topic: 'orders', ratePerSec: 10, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } },
  ],
  services: [
    {
      id: 'billing-after',
      subscribe: ['orders'],
      handler: 'chargePayment',
      processingMs: 40,
      commit: 'after-processing',
      config: manualCommit,
    },
    {
      id: 'billing-before',
      subscribe: ['orders'],
      handler: 'chargePayment',
      processingMs: 40,
      commit: 'before-processing',
      config: manualCommit,
    },
  ],
  notes: [
    { atMs: 0, text: 'billing-after commits after processing each batch; billing-before commits as soon as poll returns.' },
    { atMs: 19_000, text: 'A burst of 300 orders: both groups are busy with big batches.', when: { all: [{ compare: { path: 'groups.billing-after.offsets.*.lag' }, op: '>=', to: 100 }, { compare: { path: 'groups.billing-before.offsets.*.lag' }, op: '>=', to: 100 }] }  },
    { atMs: 21_000, text: 'Both crash mid-batch. Compare committed offsets with what each processed.' },
    { atMs: 26_000, text: 'Both restart; once session.timeout.ms drops the crashed members, each resumes from its committed offset.' },
    { atMs: 35_000, text: 'billing-after charged some orders twice (processed, not committed): at-least-once.', when: { compare: { path: 'stats.billing-after.duplicates' }, op: '>', to: 0 }  },
    { atMs: 40_000, text: 'billing-before skipped the orders it committed before processing them: lost. At-most-once.', when: { compare: { path: 'stats.billing-before.skipped' }, op: '>', to: 0 }  },
  ],
  actions: [
    { atMs: 19_000, type: 'burst', producer: 'checkout', count: 300 },
    { atMs: 21_000, type: 'crash', target: 'billing-after-0' },
    { atMs: 21_000, type: 'crash', target: 'billing-before-0' },
    { atMs: 26_000, type: 'start', target: 'billing-after-0' },
    { atMs: 26_000, type: 'start', target: 'billing-before-0' },
  ],
};

/** A process hang freezes heartbeats too: only a hang longer than session.timeout.ms evicts. */
export const hangVsSessionTimeout: Scenario = {
  ...FORMAT,
  title: 'A short hang vs a long one: session.timeout.ms decides when the group rebalances',
  seed: 5,
  topics: [{ name: 'orders', partitions: 4, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
  producers: [
    { id: 'checkout', topic: 'orders', ratePerSec: 8, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } },
  ],
  services: [
    {
      id: 'email',
      subscribe: ['orders'],
      instances: 2,
      handler: 'sendReceipt',
      processingMs: 20,
      config: { 'auto.offset.reset': 'earliest', 'session.timeout.ms': 10_000, 'heartbeat.interval.ms': 3000 },
    },
  ],
  notes: [
    { atMs: 0, text: 'email has two instances sharing four partitions; session.timeout.ms is 10 s, heartbeats every 3 s.' },
    { atMs: 20_000, text: 'email-0 hangs (no polls, no heartbeats) for 5 s, less than the session timeout.' },
    { atMs: 25_000, text: 'It resumes: no rebalance happened. Its partitions only lagged for a while.', when: { all: [{ compare: { path: 'groups.email.generation' }, op: '=', to: 1 }, { compare: { path: 'groups.email.members.email-0.status' }, op: '=', to: 'running' }] }  },
    { atMs: 40_000, text: 'email-0 hangs again, this time for 25 s.' },
    { atMs: 50_000, text: 'After 10 s without a heartbeat the coordinator evicts it: a rebalance gives its partitions to email-1, which re-reads what email-0 had processed but not committed (duplicates).', when: { all: [{ compare: { path: 'groups.email.generation' }, op: '>=', to: 2 }, { compare: { path: 'stats.email.duplicates' }, op: '>', to: 0 }] }  },
    { atMs: 65_000, text: 'email-0 wakes up as a zombie: its commits fail; it rejoins and the group rebalances again.', when: { compare: { path: 'groups.email.generation' }, op: '>=', to: 3 }  },
  ],
  actions: [
    { atMs: 20_000, type: 'hang', target: 'email-0' },
    { atMs: 25_000, type: 'resume', target: 'email-0' },
    { atMs: 40_000, type: 'hang', target: 'email-0' },
    { atMs: 65_000, type: 'resume', target: 'email-0' },
  ],
};

const balancedGroup = (id: string, strategy: 'range' | 'cooperative-sticky') => ({
  id,
  subscribe: ['orders'],
  instances: 2,
  handler: 'noop',
  processingMs: 30,
  config: { 'auto.offset.reset': 'earliest' as const, 'partition.assignment.strategy': strategy },
});

/** Two groups that differ only in their assignor, scaled up at the same moment. */
export const eagerVsCooperative: Scenario = {
  ...FORMAT,
  title: 'Eager vs cooperative rebalancing: stop the world or move only what must move',
  seed: 9,
  topics: [{ name: 'orders', partitions: 6, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
  producers: [
    { id: 'checkout', topic: 'orders', ratePerSec: 30, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } },
  ],
  services: [balancedGroup('eager', 'range'), balancedGroup('cooperative', 'cooperative-sticky')],
  notes: [
    { atMs: 0, text: 'Two groups read orders with two instances each: eager uses the range assignor, cooperative uses cooperative-sticky.' },
    { atMs: 30_000, text: 'Both scale to three instances at the same moment. Watch the partition assignments and the generations.' },
    { atMs: 32_000, text: 'eager: every member revoked all its partitions and rejoined; range dealt them out from scratch, so orders-2 moved between two old members too.', when: { all: [{ compare: { path: 'groups.eager.generation' }, op: '>=', to: 2 }, { compare: { path: 'groups.eager.state' }, op: '=', to: 'Stable' }] }  },
    { atMs: 33_000, text: 'cooperative: members kept their partitions; only orders-4 and orders-5 moved to the new member, over two rebalances (generations 2 and 3).', when: { all: [{ compare: { path: 'groups.cooperative.generation' }, op: '=', to: 3 }, { compare: { path: 'groups.cooperative.state' }, op: '=', to: 'Stable' }] }  },
  ],
  actions: [
    { atMs: 30_000, type: 'scale', service: 'eager', instances: 3 },
    { atMs: 30_000, type: 'scale', service: 'cooperative', instances: 3 },
  ],
};

/** Skewed (zipf) keys: the partition holding the popular keys gets most of the traffic. */
export const hotPartition: Scenario = {
  ...FORMAT,
  title: 'A hot partition: skewed keys overload one consumer while the others keep up',
  seed: 13,
  topics: [{ name: 'clicks', partitions: 4, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
  producers: [
    {
      id: 'web',
      topic: 'clicks',
      ratePerSec: 60,
      event: 'PageViewed',
      keys: { kind: 'zipf', prefix: 'page-', count: 500, s: 1.3 },
    },
  ],
  services: [
    {
      id: 'analytics',
      subscribe: ['clicks'],
      instances: 4,
      processingMs: 40,
      config: { 'auto.offset.reset': 'earliest' },
    },
  ],
  notes: [
    { atMs: 0, text: 'Keys follow a zipf law: a few pages get most of the views. The default partitioner hashes each key to one partition.' },
    { atMs: 10_000, text: 'Compare the log end offsets: the partition holding the hottest keys grows much faster.', when: { compare: { path: 'topics.clicks.partitions.*.logEndOffset', of: 'max' }, op: '>=', to: { path: 'topics.clicks.partitions.*.logEndOffset', of: 'min', times: 2 } }  },
    { atMs: 30_000, text: 'Four instances, one per partition, yet only the one reading clicks-3 falls behind: its lag keeps growing while the others keep up.', when: { all: [{ compare: { path: 'groups.analytics.offsets.clicks-3.lag' }, op: '>=', to: 100 }, { compare: { path: 'groups.analytics.offsets.*.lag', of: 'max' }, op: '=', to: { path: 'groups.analytics.offsets.clicks-3.lag' } }] }  },
    { atMs: 60_000, text: 'Adding instances cannot help: a partition is consumed by at most one member of a group. Only better keys can.' },
  ],
};

/** A consumer slower than its producer, on a topic with short retention, loses records. */
export const retentionLosesData: Scenario = {
  ...FORMAT,
  title: 'Retention deletes what a slow consumer has not read yet',
  seed: 17,
  topics: [{ name: 'events', partitions: 1, config: { 'retention.ms': 30_000, 'segment.ms': 5000 } }],
  producers: [
    { id: 'tracker', topic: 'events', ratePerSec: 20, event: 'ItemViewed', keys: { kind: 'uniform', prefix: 'user-', count: 100 } },
  ],
  services: [
    {
      id: 'reporting',
      subscribe: ['events'],
      processingMs: 20,
      // A small fetch buffer (about 20 records; Kafka's default holds 1 MiB, thousands here), so
      // the loss shows within seconds of the log start offset passing the position.
      config: { 'auto.offset.reset': 'earliest', 'max.poll.records': 50, 'max.partition.fetch.bytes': 2500 },
    },
  ],
  notes: [
    { atMs: 0, text: 'events keeps records for 30 s (retention.ms) in 5 s segments: a topic is not a queue, but it is not forever either.' },
    { atMs: 10_000, text: 'reporting slows down to a tenth of its speed: it now reads 5 records a second while 20 arrive.' },
    { atMs: 36_000, text: 'The first whole segment older than 30 s is deleted: the log start offset moves forward.', when: { compare: { path: 'topics.events.partitions.*.logStartOffset' }, op: '>', to: 0 }  },
    { atMs: 62_000, text: "The log start offset overtakes reporting's position. The records already in its fetch buffer are still processed; its next fetch is out of range: auto.offset.reset jumps it forward and the records in between are skipped, never processed.", when: { all: [{ event: 'offset.outOfRange', where: { group: 'reporting' }, since: 'lesson' }, { compare: { path: 'stats.reporting.skipped' }, op: '>', to: 0 }] }  },
    { atMs: 70_000, text: 'Check the skipped count: data lost without any crash. Retention must outlast the worst consumer lag.', when: { compare: { path: 'stats.reporting.skipped' }, op: '>', to: 0 }  },
  ],
  actions: [{ atMs: 10_000, type: 'slow', target: 'reporting-0', factor: 10 }],
};

/**
 * A compacted topic keeps the latest value per key: a late reader rebuilds the current state
 * without replaying every update.
 */
export const compactedProfiles: Scenario = {
  ...FORMAT,
  title: 'A compacted topic keeps the latest profile per user',
  seed: 23,
  topics: [
    {
      name: 'profiles',
      partitions: 2,
      config: {
        'cleanup.policy': 'compact',
        'segment.ms': 10_000,
        'min.cleanable.dirty.ratio': 0.1,
        'delete.retention.ms': 20_000,
      },
    },
  ],
  producers: [
    { id: 'accounts', topic: 'profiles', ratePerSec: 10, event: 'ProfileUpdated', keys: { kind: 'uniform', prefix: 'user-', count: 20 } },
  ],
  services: [
    { id: 'profile-view', subscribe: ['profiles'], handler: 'project', config: { 'auto.offset.reset': 'earliest' } },
  ],
  notes: [
    { atMs: 0, text: 'accounts updates the profiles of 20 users, ten updates a second, keyed by user id.' },
    { atMs: 20_000, text: 'cleanup.policy is compact: closed segments are cleaned to keep only the latest record of each key.' },
    { atMs: 45_000, text: "A tombstone (null value) for user-3 deletes that row from profile-view; the cleaner later drops user-3's older records." },
    { atMs: 90_000, text: 'profile-cache subscribes from the earliest offset. With compaction it reads far fewer records than were produced, yet ends with the same table.' },
  ],
  actions: [
    { atMs: 45_000, type: 'produce', producer: 'accounts', key: 'user-3', value: null },
    {
      atMs: 90_000,
      type: 'addService',
      service: { id: 'profile-cache', subscribe: ['profiles'], handler: 'project', config: { 'auto.offset.reset': 'earliest' } },
    },
  ],
};

/** Growing a topic remaps keys: a key's newer records may be consumed before its older ones. */
export const addingPartitionsBreaksOrder: Scenario = {
  ...FORMAT,
  title: 'Adding partitions moves keys and breaks per-key order',
  seed: 29,
  topics: [{ name: 'accounts', partitions: 2, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
  producers: [
    {
      id: 'bank',
      topic: 'accounts',
      ratePerSec: 20,
      event: 'BalanceChanged',
      keys: { kind: 'uniform', prefix: 'account-', count: 8 },
      // Clients see added partitions at their next metadata refresh: every 5 min by default,
      // shortened here so the run shows both refreshes (bank's at 32 s, ledger's at 35 s).
      config: { 'metadata.max.age.ms': 4000 },
    },
  ],
  services: [
    {
      id: 'ledger',
      subscribe: ['accounts'],
      instances: 2,
      processingMs: 80,
      config: { 'auto.offset.reset': 'earliest', 'max.poll.records': 20, 'metadata.max.age.ms': 7000 },
    },
  ],
  notes: [
    { atMs: 0, text: 'Eight accounts, keyed by account id: each key always lands in the same partition, so its changes are read in order.' },
    { atMs: 28_000, text: 'A burst of 300 changes: both ledger instances now have a backlog of about 200 records each.', when: { compare: { path: 'groups.ledger.offsets.*.lag' }, op: '>=', to: 300 }  },
    { atMs: 30_000, text: 'accounts grows from 2 to 4 partitions. No client knows yet: each sees them at its next metadata refresh (metadata.max.age.ms: 4 s for bank, 7 s for ledger here, 5 min by default).' },
    { atMs: 32_000, text: "bank's metadata refresh: murmur2(key) % 4 now sends account-0, 3, 4 and 7 to the new, empty partitions, which ledger does not read yet.", when: { event: 'producer.metadata' } },
    { atMs: 35_000, text: "ledger's leader refreshes its metadata, sees 4 partitions where it assigned 2, and rejoins: the rebalance hands out the new partitions.", when: { event: 'group.metadataChanged' } },
    { atMs: 48_000, text: "After the rebalance ledger-1 reads the new partitions, which have no backlog: those accounts' newest changes are processed before their older ones, still queued in the old partitions.", when: { compare: { path: 'stats.ledger.orderViolations' }, op: '>', to: 0 }  },
    { atMs: 52_000, text: 'See orderViolations in the stats. Size partitions for the future up front, or migrate to a new topic.', when: { compare: { path: 'stats.ledger.orderViolations' }, op: '>', to: 0 }  },
  ],
  actions: [
    { atMs: 28_000, type: 'burst', producer: 'bank', count: 300 },
    { atMs: 30_000, type: 'addPartitions', topic: 'accounts', partitions: 4 },
  ],
};
