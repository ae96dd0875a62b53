/**
 * Presets on brokers and replication (issue 17): when an acknowledged record survives a broker
 * failure and when it does not (acks, min.insync.replicas, unclean election), and what the
 * producer's retries do without and with idempotence. Plain data, like every preset.
 */
import type { Scenario } from '../../engine';

const FORMAT = { format: 'logscope-scenario', version: 1 } as const;

const partition0 = (topic: string) => `topics.${topic}.partitions.0`;

/** acks=1: the leader answers before any follower has copied; a leader crash loses the tail. */
export const acksOneLosesData: Scenario = {
  ...FORMAT,
  title: 'acks=1 loses acknowledged records when the leader dies',
  seed: 31,
  brokers: 2,
  topics: [{ name: 'payments', partitions: 1, config: { 'replication.factor': 2 } }],
  producers: [
    { id: 'checkout', topic: 'payments', ratePerSec: 20, arrival: 'fixed', event: 'PaymentTaken', keys: { kind: 'sequence', prefix: 'payment-' }, config: { acks: '1' } },
  ],
  services: [{ id: 'billing', subscribe: ['payments'], config: { 'auto.offset.reset': 'earliest' } }],
  notes: [
    { atMs: 0, text: 'payments has two replicas: broker 0 leads, broker 1 follows. checkout uses acks=1: the leader answers as soon as it has the record, before broker 1 copies it.' },
    {
      atMs: 5000,
      text: "Broker 1's network turns slow (3 s each way): it copies late but stays in the ISR, which allows 30 s of lag (replica.lag.time.max.ms). The high watermark, which billing reads up to, trails the leader's log end.",
      when: { compare: { path: `${partition0('payments')}.highWatermark` }, op: '<', to: { path: `${partition0('payments')}.logEndOffset` } },
    },
    {
      atMs: 15_000,
      text: 'Broker 0, the leader, crashes. checkout was told its last records were written, but broker 1 has not copied them yet.',
      when: { compare: { path: 'brokers.0.status' }, op: '=', to: 'crashed' },
    },
    {
      atMs: 24_000,
      text: 'After broker.session.timeout.ms (9 s) the controller fences broker 0 and elects broker 1 from the ISR. Its log is shorter: the records it lacked are gone although checkout had its acknowledgement (producers.checkout.ackedThenLost).',
      when: { all: [{ event: 'leader.elected', since: 'lesson' }, { compare: { path: 'producers.checkout.ackedThenLost' }, op: '>', to: 0 }] },
    },
    {
      atMs: 40_000,
      text: 'Broker 0 returns, cuts its copy back to the new leader\'s log (by leader epoch) and rejoins the ISR. The lost records stay lost: with acks=all the leader would have waited for broker 1 before answering.',
      when: { all: [{ event: 'log.truncated', where: { broker: 0 }, since: 'lesson' }, { compare: { path: `${partition0('payments')}.isr.*`, of: 'count' }, op: '=', to: 2 }] },
    },
  ],
  actions: [
    { atMs: 5000, type: 'delayNetwork', broker: 1, extraMs: 3000 },
    { atMs: 15_000, type: 'crashBroker', broker: 0 },
    { atMs: 30_000, type: 'restoreNetwork', broker: 1 },
    { atMs: 40_000, type: 'startBroker', broker: 0 },
  ],
};

/** min.insync.replicas=2 with two of three brokers down: acks=all writes are refused, nothing acknowledged is lost. */
export const minInsyncRefusesWrites: Scenario = {
  ...FORMAT,
  title: 'min.insync.replicas refuses writes rather than risk them',
  seed: 37,
  brokers: 3,
  topics: [{ name: 'orders', partitions: 1, config: { 'replication.factor': 3, 'min.insync.replicas': 2 } }],
  producers: [
    {
      id: 'checkout',
      topic: 'orders',
      ratePerSec: 20,
      arrival: 'fixed',
      event: 'OrderPlaced',
      keys: { kind: 'sequence', prefix: 'order-' },
      config: { 'request.timeout.ms': 5000, 'delivery.timeout.ms': 30_000 },
    },
  ],
  services: [{ id: 'billing', subscribe: ['orders'], config: { 'auto.offset.reset': 'earliest' } }],
  notes: [
    { atMs: 0, text: 'orders has three replicas and min.insync.replicas=2: an acks=all write (the default) needs two in-sync copies before it is acknowledged.' },
    {
      atMs: 10_000,
      text: 'Brokers 1 and 2 crash. Broker 0 still leads, but no follower copies any more: the high watermark stops and the writes in flight wait.',
      when: { compare: { path: 'brokers.2.status' }, op: '=', to: 'crashed' },
    },
    {
      atMs: 19_000,
      text: 'The controller fences both: the ISR is broker 0 alone, below min.insync.replicas. The leader refuses acks=all writes with NOT_ENOUGH_REPLICAS, appending nothing; checkout retries.',
      when: { event: 'produce.notEnoughReplicas', since: 'lesson' },
    },
    {
      atMs: 45_000,
      text: 'checkout gives up on records older than delivery.timeout.ms (30 s): producers.checkout.failed counts them. They failed loudly; nothing acknowledged was lost.',
      when: { all: [{ compare: { path: 'producers.checkout.failed' }, op: '>', to: 0 }, { compare: { path: 'producers.checkout.ackedThenLost' }, op: '=', to: 0 }] },
    },
    {
      atMs: 60_000,
      text: 'Broker 1 returns, catches up and rejoins the ISR: two in-sync replicas again, and writes flow.',
      when: { all: [{ event: 'isr.expanded', since: 'lesson' }, { compare: { path: `${partition0('orders')}.isr.*`, of: 'count' }, op: '>=', to: 2 }] },
    },
  ],
  actions: [
    { atMs: 10_000, type: 'crashBroker', broker: 1 },
    { atMs: 10_000, type: 'crashBroker', broker: 2 },
    { atMs: 60_000, type: 'startBroker', broker: 1 },
  ],
};

/** With unclean.leader.election.enable, an out-of-sync replica takes over and acknowledged records vanish. */
export const uncleanElectionLosesData: Scenario = {
  ...FORMAT,
  title: 'Unclean leader election loses acknowledged records',
  seed: 41,
  brokers: 2,
  topics: [{ name: 'payments', partitions: 1, config: { 'replication.factor': 2, 'unclean.leader.election.enable': true } }],
  producers: [
    { id: 'checkout', topic: 'payments', ratePerSec: 20, arrival: 'fixed', event: 'PaymentTaken', keys: { kind: 'sequence', prefix: 'payment-' } },
  ],
  services: [{ id: 'billing', subscribe: ['payments'], config: { 'auto.offset.reset': 'earliest' } }],
  notes: [
    { atMs: 0, text: 'payments has two replicas and unclean.leader.election.enable=true: if no in-sync replica survives, one that is out of sync may lead.' },
    {
      atMs: 5000,
      text: 'Broker 1, the follower, crashes.',
      when: { compare: { path: 'brokers.1.status' }, op: '=', to: 'crashed' },
    },
    {
      atMs: 14_000,
      text: 'The controller fences it after 9 s: the ISR is broker 0 alone. acks=all now waits for broker 0 only, which min.insync.replicas=1 allows, so checkout keeps getting acknowledgements.',
      when: { all: [{ event: 'isr.shrunk', since: 'lesson' }, { compare: { path: 'producers.checkout.acked' }, op: '>', to: 200 }] },
    },
    {
      atMs: 40_000,
      text: 'Broker 0, the only in-sync replica, crashes.',
      when: { compare: { path: 'brokers.0.status' }, op: '=', to: 'crashed' },
    },
    {
      atMs: 49_000,
      text: 'Fenced after 9 s with no replica alive: payments is offline (no leader). checkout retries.',
      when: { event: 'partition.offline', since: 'lesson' },
    },
    {
      atMs: 55_000,
      text: 'Broker 1 returns, out of sync since 5 s, and becomes leader uncleanly: every record it lacked is gone, acks=all ones included (producers.checkout.ackedThenLost). Without unclean election payments would have waited, offline, for broker 0.',
      when: { all: [{ event: 'leader.elected', where: { unclean: true }, since: 'lesson' }, { compare: { path: 'producers.checkout.ackedThenLost' }, op: '>', to: 0 }] },
    },
  ],
  actions: [
    { atMs: 5000, type: 'crashBroker', broker: 1 },
    { atMs: 40_000, type: 'crashBroker', broker: 0 },
    { atMs: 55_000, type: 'startBroker', broker: 1 },
  ],
};

/** The leader's answers come later than request.timeout.ms: the producer resends. */
function lateAnswers(idempotent: boolean): Scenario {
  const title = idempotent ? 'An idempotent producer resends without duplicates' : 'Retries write duplicates without idempotence';
  return {
    ...FORMAT,
    title,
    seed: 43,
    brokers: 3,
    topics: [{ name: 'orders', partitions: 1, config: { 'replication.factor': 3 } }],
    producers: [
      {
        id: 'checkout',
        topic: 'orders',
        ratePerSec: 10,
        arrival: 'fixed',
        event: 'OrderPlaced',
        keys: { kind: 'sequence', prefix: 'order-' },
        config: { 'enable.idempotence': idempotent, 'request.timeout.ms': 3000 },
      },
    ],
    services: [{ id: 'billing', subscribe: ['orders'], config: { 'auto.offset.reset': 'earliest' } }],
    notes: [
      {
        atMs: 0,
        text: idempotent
          ? 'checkout keeps enable.idempotence=true (the default): each batch carries a producer id and sequence numbers, so the leader recognises a batch it already has.'
          : 'checkout sets enable.idempotence=false: the leader cannot tell a resent batch from a new one.',
      },
      {
        atMs: 10_000,
        text: "Broker 0, the leader, gets a slow network (1.5 s each way): its answers arrive after checkout's request.timeout.ms (3 s), so checkout resends batches that were in fact written.",
        when: { compare: { path: 'producers.checkout.retries' }, op: '>', to: 0 },
      },
      idempotent
        ? {
            atMs: 25_000,
            text: 'Each resent batch was recognised by its sequence number and acknowledged without being written again: no duplicates, and the records stay in order.',
            when: { all: [{ compare: { path: 'producers.checkout.retries' }, op: '>', to: 0 }, { compare: { path: 'producers.checkout.duplicatesWritten' }, op: '=', to: 0 }] },
          }
        : {
            atMs: 25_000,
            text: 'Each resend was written again: the log holds those orders twice, at different offsets (producers.checkout.duplicatesWritten), and billing reads both copies. Compare the idempotent producer preset.',
            when: { compare: { path: 'producers.checkout.duplicatesWritten' }, op: '>', to: 0 },
          },
    ],
    actions: [
      { atMs: 10_000, type: 'delayNetwork', broker: 0, extraMs: 1500 },
      { atMs: 20_000, type: 'restoreNetwork', broker: 0 },
    ],
  };
}

export const retriesDuplicate = lateAnswers(false);
export const idempotentProducer = lateAnswers(true);

/** The broker hosting a group's coordinator dies: commits fail until another broker takes the group over. */
export const coordinatorFailover: Scenario = {
  ...FORMAT,
  title: "The group coordinator's broker fails",
  seed: 47,
  brokers: 3,
  topics: [{ name: 'orders', partitions: 3, config: { 'replication.factor': 3 } }],
  producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 20, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } }],
  services: [
    {
      id: 'billing',
      subscribe: ['orders'],
      instances: 2,
      config: { 'auto.offset.reset': 'earliest', 'auto.commit.interval.ms': 1000, 'session.timeout.ms': 6000, 'heartbeat.interval.ms': 2000 },
    },
  ],
  notes: [
    { atMs: 0, text: "billing's group coordinator lives on a broker: the leader of the __consumer_offsets partition that group ids hash to — broker 0 here. It stores billing's commits and watches its heartbeats." },
    {
      atMs: 10_000,
      text: "Broker 0 crashes. Until the controller notices, orders-0 has no reachable leader and the other partitions' high watermarks wait for broker 0's copies; billing's commits fail with COORDINATOR_NOT_AVAILABLE and its heartbeats go unanswered.",
      when: { compare: { path: 'brokers.0.status' }, op: '=', to: 'crashed' },
    },
    {
      atMs: 19_000,
      text: "The controller fences broker 0 after 9 s: broker 1 leads billing's __consumer_offsets partition, loads the group and its offsets, and gives every member a fresh session — longer outages than session.timeout.ms (6 s) evict no one. Members find it at their next heartbeat and commit again, without a rebalance.",
      when: { all: [{ event: 'coordinator.moved', since: 'lesson' }, { compare: { path: 'groups.billing.state' }, op: '=', to: 'Stable' }, { compare: { path: 'groups.billing.generation' }, op: '=', to: 1 }] },
    },
  ],
  actions: [
    { atMs: 10_000, type: 'crashBroker', broker: 0 },
    { atMs: 40_000, type: 'startBroker', broker: 0 },
  ],
};
