/**
 * The cluster's scheduled events, plain data naming what they wake by id (a partition by topic
 * and number, a follower by broker id, a request by its id, a producer by its id), as every
 * queued event does (engineEvents.ts). This module depends on nothing.
 */

export type ProduceError =
  | 'NOT_LEADER_OR_FOLLOWER'
  | 'NOT_ENOUGH_REPLICAS'
  | 'NOT_ENOUGH_REPLICAS_AFTER_APPEND'
  | 'OUT_OF_ORDER_SEQUENCE_NUMBER'
  | 'REQUEST_TIMED_OUT'
  | 'NETWORK_EXCEPTION';

/** What the producer learns: the first offset of its records (the batch's records follow) or an error. */
export type ProduceResult = { error: null; firstOffset: number; duplicate: boolean } | { error: ProduceError };

interface FollowerRef {
  topic: string;
  partition: number;
  follower: number;
  /** The follower's fetch session the event belongs to (older ones are stale). */
  session: number;
}

export type ClusterEvent =
  /** A follower's fetch reaches its leader. */
  | ({ type: 'fetchArrive'; fetchOffset: number } & FollowerRef)
  /** The leader's answer reaches the follower: it now holds the log up to `endOffset`. */
  | ({ type: 'fetchReply'; endOffset: number } & FollowerRef)
  /** The leader stops holding an empty fetch (replica.fetch.wait.max.ms) and answers it. */
  | ({ type: 'fetchWaitExpire' } & FollowerRef)
  /** A follower's fetch failed (its leader is down): it tries again (replica.fetch.backoff.ms). */
  | ({ type: 'fetchRetry' } & FollowerRef)
  /** The leaders' periodic ISR check (every replica.lag.time.max.ms / 2). */
  | { type: 'isrCheck' }
  /** The controller fences a broker whose heartbeats stopped. */
  | { type: 'fence'; broker: number }
  | { type: 'produceArrive'; requestId: number }
  | { type: 'delayedProduceExpire'; requestId: number }
  | { type: 'produceReply'; producer: string; requestId: number; result: ProduceResult }
  /** The producer's request.timeout.ms for one request. */
  | { type: 'produceTimeout'; producer: string; requestId: number }
  /** The producer's sender wakes: linger, retry backoff or a delivery timeout is due. */
  | { type: 'senderWake'; producer: string };

/**
 * The producer side of the produce path, as the context gives it by id (producerSender.ts): its
 * counters. The cluster's events and broker changes reach a sender through the dispatch's lookup
 * (`SenderOf`), which is passed the context and the cluster with each call.
 */
export interface ProduceClient {
  readonly counters: ProducerCounters;
}

export interface ProducerCounters {
  acked: number;
  failed: number;
  retries: number;
  duplicatesWritten: number;
  ackedThenLost: number;
}
