/**
 * The background clocks of a Kafka consumer: the two liveness clocks, and the metadata refresh.
 * A part of `ConsumerInstance`, beside its `ConsumerClient`: the clocks read and reset the
 * client's membership (member id, generation, rejoin), and ask the instance (`LivenessHost`,
 * passed to each call with the context) whether the process runs and to wake its poll loop.
 *
 * The heartbeat "thread" sends a heartbeat every `heartbeat.interval.ms`, also while the
 * handler is stuck; its answer tells the member that a rebalance started (rejoin) or that it
 * was fenced (drop everything, rejoin). The poll timer fires when `max.poll.interval.ms` passes
 * without a poll. Then, as Kafka's AbstractCoordinator.maybeLeaveGroup, the client forgets its
 * member id and generation; a dynamic member also sends LeaveGroup, a static one does not and
 * lets the coordinator keep its place until the session timeout, so that on its next poll it
 * rejoins with its `group.instance.id` and gets that place back. The timer then stays off until
 * the next poll re-arms it. A crash stops both clocks; a process hang freezes both. Both are
 * events on the simulation's queue, never state kept in closures.
 *
 * Metadata is refreshed every `metadata.max.age.ms` after the instance started (doc/kafka.md
 * §1.5). Only a refresh that can see something new is scheduled: the first one after partitions
 * were added to a subscribed topic. The group's leader then rejoins if its last assignment did
 * not have them (Kafka's ConsumerCoordinator.rejoinNeededOrPending); other members do nothing.
 */
import type { TimerId } from '../eventQueue';
import { nextMetadataRefreshMs } from '../metadataRefresh';
import type { EngineContext } from '../engineContext';
import type { ConsumerClient } from './consumerClient';
import type { ConsumerContext, ServiceFacts } from './groupProtocol';
import { seconds } from './seconds';

/** What the clocks ask of the consumer around them: is the process up, and wake its poll loop. */
export interface LivenessHost {
  readonly isAlive: boolean;
  readonly hangMode: 'process' | 'handler' | null;
  readonly client: ConsumerClient;
  readonly service: ServiceFacts;
  /** The member must rejoin (a heartbeat said so, or its metadata changed): an idle, running poll loop polls now. */
  wakeToRejoin(ctx: EngineContext): void;
}

/**
 * Plain state (the clocks' timers and last times): the context and the consumer it belongs to
 * come with each call, so it holds no reference to either and a fork copies it as data.
 */
export class ConsumerLiveness {
  lastPollMs = 0;
  lastHeartbeatMs = -1;
  private heartbeatEntry: TimerId | null = null;
  private pollTimerEntry: TimerId | null = null;

  // ---- heartbeat thread ------------------------------------------------------------------

  startHeartbeatThreadIfNeeded(ctx: EngineContext, consumer: LivenessHost): void {
    if (this.heartbeatEntry === null) this.scheduleHeartbeat(ctx, consumer, ctx.now + consumer.service.config.heartbeatIntervalMs);
  }

  scheduleHeartbeat(ctx: EngineContext, consumer: LivenessHost, atMs: number): void {
    this.cancelHeartbeat(ctx);
    this.heartbeatEntry = ctx.schedule(atMs, { kind: 'heartbeat', ...consumer.client.ref });
  }

  cancelHeartbeat(ctx: EngineContext): void {
    if (this.heartbeatEntry !== null) ctx.cancel(this.heartbeatEntry);
    this.heartbeatEntry = null;
  }

  onHeartbeat(ctx: ConsumerContext, consumer: LivenessHost): void {
    this.heartbeatEntry = null;
    if (!consumer.isAlive || consumer.hangMode === 'process') return;
    if (consumer.client.memberId !== null) {
      this.lastHeartbeatMs = ctx.now;
      const error = ctx.serviceOf(consumer.service.id).group.heartbeat(ctx, consumer.client.memberId, consumer.client.generation);
      if (error === 'REBALANCE_IN_PROGRESS') {
        if (!consumer.client.joining) {
          consumer.client.rejoinNeeded = true;
          consumer.wakeToRejoin(ctx);
        }
      } else if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION') {
        if (!consumer.client.joining || error === 'UNKNOWN_MEMBER_ID') {
          ctx.emit('member', consumer.client.name, `${consumer.client.name} learns from its heartbeat that it is no longer in the group (${error}); it gives up its partitions and rejoins.`, consumer.service.groupId);
          consumer.client.loseMembership(ctx, error === 'UNKNOWN_MEMBER_ID', true);
          consumer.wakeToRejoin(ctx);
        }
      }
    }
    this.scheduleHeartbeat(ctx, consumer, ctx.now + consumer.service.config.heartbeatIntervalMs);
  }

  // ---- poll timer ------------------------------------------------------------------------

  schedulePollTimer(ctx: EngineContext, consumer: LivenessHost): void {
    this.cancelPollTimer(ctx);
    this.pollTimerEntry = ctx.schedule(this.lastPollMs + consumer.service.config.maxPollIntervalMs, {
      kind: 'pollTimerCheck',
      ...consumer.client.ref,
    });
  }

  cancelPollTimer(ctx: EngineContext): void {
    if (this.pollTimerEntry !== null) ctx.cancel(this.pollTimerEntry);
    this.pollTimerEntry = null;
  }

  /** The poll loop polled: the max.poll.interval.ms clock restarts (and is re-armed if it fired). */
  notePoll(ctx: EngineContext, consumer: LivenessHost): void {
    this.lastPollMs = ctx.now;
    // An armed check is not moved on every poll (hot path): when it fires early it re-arms itself.
    if (this.pollTimerEntry === null) this.schedulePollTimer(ctx, consumer);
  }

  onPollTimerCheck(ctx: ConsumerContext, consumer: LivenessHost): void {
    this.pollTimerEntry = null;
    if (!consumer.isAlive || consumer.hangMode === 'process') return;
    const maxPollIntervalMs = consumer.service.config.maxPollIntervalMs;
    if (ctx.now < this.lastPollMs + maxPollIntervalMs) {
      // It polled since this check was armed: check again at the new deadline.
      this.schedulePollTimer(ctx, consumer);
      return;
    }
    // The deadline passed. The check acts at most once and is not re-armed until the next poll
    // (notePoll), as Kafka's heartbeat thread stays disabled once the client has left the group.
    if (consumer.client.memberId === null || consumer.client.joining) return;
    const memberId = consumer.client.memberId;
    if (consumer.client.groupInstanceId === null) {
      ctx.serviceOf(consumer.service.id).group.leave(ctx, memberId, `${consumer.client.name} did not poll for ${seconds(maxPollIntervalMs)} (max.poll.interval.ms), so its client sent LeaveGroup`);
    } else {
      ctx.emit(
        'member',
        consumer.client.name,
        `${consumer.client.name} did not poll for ${seconds(maxPollIntervalMs)} (max.poll.interval.ms); as a static member it sends no LeaveGroup: ` +
          `it forgets its member id and generation and stops heartbeating, and the coordinator keeps its place until ` +
          `session.timeout.ms (${seconds(consumer.service.config.sessionTimeoutMs)}) passes.`,
        consumer.service.groupId,
      );
      this.cancelHeartbeat(ctx);
    }
    // Both kinds reset membership (resetGenerationOnLeaveGroup): the next poll rejoins with an
    // empty member id, a static member with its group.instance.id.
    consumer.client.loseMembership(ctx, true, true);
  }

  // ---- metadata refresh ------------------------------------------------------------------

  /** A subscribed topic gained partitions: this client sees them at its next metadata refresh. */
  onTopicGrew(ctx: EngineContext, consumer: LivenessHost): void {
    if (!consumer.isAlive || consumer.client.metadata.entry !== null) return;
    const atMs = nextMetadataRefreshMs(consumer.client.metadata.phaseMs, consumer.service.config.metadataMaxAgeMs, ctx.now);
    consumer.client.metadata.entry = ctx.schedule(atMs, { kind: 'consumerMetadata', ...consumer.client.ref });
  }

  /** The refresh: only the leader acts, rejoining when its last assignment missed partitions. */
  onMetadataRefresh(ctx: EngineContext, consumer: LivenessHost): void {
    consumer.client.metadata.entry = null;
    if (!consumer.isAlive) return;
    consumer.client.metadata.refresh(ctx.topics, consumer.service.spec.subscribe);
    // While rebalancing, the assignment in progress (or applying it) settles it.
    if (!consumer.client.joining && consumer.client.rejoinIfAssignmentStale(ctx)) consumer.wakeToRejoin(ctx);
  }
}
