/**
 * The brokers of a replicated scenario (`brokers` ≥ 2, doc/design.md contract 7): the cluster
 * state plus one entry point per thing that happens to it — its scheduled events, the broker
 * commands, and each record appended to a partition's leader. The cluster keeps no context:
 * each entry point is passed the one it runs in (the world, by the dispatch and the commands).
 */
import type { EngineContext } from '../engineContext';
import type { ClusterEvent } from './clusterEvents';
import { ClusterState } from './clusterState';
import { crashBroker, delayNetwork, fenceBroker, startBroker } from './brokerLifecycle';
import { runIsrCheck } from './isrCheck';
import { onProduceArrive } from './produceHandler';
import { advanceHighWatermark, onDelayedProduceExpire } from './purgatory';
import { answerParkedFetches, onFetchArrive, onFetchReply, onFetchRetry, onFetchWaitExpire, startFetching } from './replicaFetcher';
import type { SenderOf } from './producerSender';
import { coordinatorBrokerOf } from './groupCoordinatorPlacement';

export class Cluster extends ClusterState {
  /** Places every partition's replicas and starts every follower fetching and the ISR checks. */
  start(ctx: EngineContext): void {
    for (const replicas of this.allPartitions(ctx)) this.startFollowers(ctx, replicas.topic, replicas.partition);
    ctx.schedule(ctx.now + this.isrCheckIntervalMs, { kind: 'cluster', event: { type: 'isrCheck' } });
  }

  private get isrCheckIntervalMs(): number {
    return Math.max(1, Math.floor(this.config.replicaLagTimeMaxMs / 2));
  }

  /** Partitions were added to a topic: they are placed and their followers start fetching. */
  topicsChanged(ctx: EngineContext): void {
    for (const topic of ctx.topics.values()) {
      for (let p = 0; p < topic.partitionCount; p++) {
        if (!this.partitions.has(`${topic.name}-${p}`)) this.startFollowers(ctx, topic.name, p);
      }
    }
  }

  private startFollowers(ctx: EngineContext, topic: string, partition: number): void {
    const replicas = this.replicasOf(ctx, topic, partition);
    for (const state of replicas.states) if (state.broker !== replicas.leader) startFetching(ctx, this, replicas, state.broker);
  }

  onEvent(ctx: EngineContext, event: ClusterEvent, senderOf: SenderOf): void {
    switch (event.type) {
      case 'fetchArrive':
        return onFetchArrive(ctx, this, event);
      case 'fetchReply':
        return onFetchReply(ctx, this, event);
      case 'fetchWaitExpire':
        return onFetchWaitExpire(ctx, this, event);
      case 'fetchRetry':
        return onFetchRetry(ctx, this, event);
      case 'isrCheck':
        runIsrCheck(ctx, this);
        ctx.schedule(ctx.now + this.isrCheckIntervalMs, { kind: 'cluster', event: { type: 'isrCheck' } });
        return;
      case 'fence':
        // This event is the broker's one pending fence timer: fired, it is no longer cancellable.
        this.brokers[event.broker]!.fenceEntry = null;
        return fenceBroker(ctx, this, event.broker, senderOf);
      case 'produceArrive':
        return onProduceArrive(ctx, this, event.requestId);
      case 'delayedProduceExpire':
        return onDelayedProduceExpire(ctx, this, event.requestId);
      case 'produceReply':
        return senderOf(event.producer)?.onReply(ctx, this, event.requestId, event.result);
      case 'produceTimeout':
        return senderOf(event.producer)?.onRequestTimeout(ctx, this, event.requestId);
      case 'senderWake':
        return senderOf(event.producer)?.onWake(ctx, this);
    }
  }

  /** A record reached a partition's leader log: held follower fetches are answered, the HW may move. */
  onAppended(ctx: EngineContext, topic: string, partition: number): void {
    const replicas = this.replicasOf(ctx, topic, partition);
    const log = this.log(ctx, topic, partition)!;
    if (replicas.leader !== null) {
      const leader = replicas.state(replicas.leader);
      leader.leo = leader.leaderView = log.logEndOffset;
    }
    answerParkedFetches(ctx, this, replicas);
    advanceHighWatermark(ctx, this, replicas);
  }

  /** Whether a direct append (a service's emitted event) can reach the partition's leader now. */
  isWritable(ctx: EngineContext, topic: string, partition: number): boolean {
    const leader = this.replicasOf(ctx, topic, partition).leader;
    return leader !== null && this.isRunning(leader);
  }

  /** The broker hosting a group's coordinator if it is reachable now, else null (it is down and not yet fenced, or none is left). */
  groupCoordinator(groupId: string): number | null {
    const broker = coordinatorBrokerOf(this, groupId);
    return broker !== null && this.isRunning(broker) ? broker : null;
  }

  /** A broker command; null when applied, else why it was refused. */
  applyBrokerCommand(ctx: EngineContext, command: { type: 'crashBroker' | 'startBroker' | 'delayNetwork' | 'restoreNetwork'; broker: number; extraMs?: number }, senderOf: SenderOf): string | null {
    if (!Number.isInteger(command.broker) || command.broker < 0 || command.broker >= this.brokers.length) {
      return `broker must be an id from 0 to ${this.brokers.length - 1} (got ${command.broker})`;
    }
    switch (command.type) {
      case 'crashBroker':
        return crashBroker(ctx, this, command.broker, senderOf);
      case 'startBroker':
        return startBroker(ctx, this, command.broker, senderOf);
      case 'delayNetwork':
        delayNetwork(ctx, this, command.broker, command.extraMs ?? 0);
        return null;
      case 'restoreNetwork':
        delayNetwork(ctx, this, command.broker, 0);
        return null;
    }
  }
}
