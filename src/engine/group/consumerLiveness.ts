/**
 * The background clocks of a Kafka consumer: the two liveness clocks, and the metadata refresh.
 * A part of `ConsumerInstance`, beside its `ConsumerClient`: the clocks read and reset the
 * client's membership (member id, generation, rejoin), and ask the instance (`LivenessHost`)
 * whether the process runs and to wake its poll loop.
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
import type { InstanceHost } from './groupProtocol';
import { seconds } from './seconds';

/** What the clocks ask of the consumer around them: is the process up, and wake its poll loop. */
export interface LivenessHost {
  readonly isAlive: boolean;
  readonly hangMode: 'process' | 'handler' | null;
  /** The member must rejoin (a heartbeat said so, or its metadata changed): an idle, running poll loop polls now. */
  wakeToRejoin(): void;
}

export class ConsumerLiveness {
  lastPollMs = 0;
  lastHeartbeatMs = -1;
  private heartbeatEntry: TimerId | null = null;
  private pollTimerEntry: TimerId | null = null;

  constructor(
    private readonly client: ConsumerClient,
    private readonly service: InstanceHost,
    private readonly world: EngineContext,
    private readonly host: LivenessHost,
  ) {}

  // ---- heartbeat thread ------------------------------------------------------------------

  startHeartbeatThreadIfNeeded(): void {
    if (this.heartbeatEntry === null) this.scheduleHeartbeat(this.world.now + this.service.config.heartbeatIntervalMs);
  }

  scheduleHeartbeat(atMs: number): void {
    this.cancelHeartbeat();
    this.heartbeatEntry = this.world.schedule(atMs, { kind: 'heartbeat', ...this.client.ref });
  }

  cancelHeartbeat(): void {
    if (this.heartbeatEntry !== null) this.world.cancel(this.heartbeatEntry);
    this.heartbeatEntry = null;
  }

  onHeartbeat(): void {
    this.heartbeatEntry = null;
    if (!this.host.isAlive || this.host.hangMode === 'process') return;
    const world = this.world;
    if (this.client.memberId !== null) {
      this.lastHeartbeatMs = world.now;
      const error = this.service.group.heartbeat(this.world, this.client.memberId, this.client.generation);
      if (error === 'REBALANCE_IN_PROGRESS') {
        if (!this.client.joining) {
          this.client.rejoinNeeded = true;
          this.host.wakeToRejoin();
        }
      } else if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION') {
        if (!this.client.joining || error === 'UNKNOWN_MEMBER_ID') {
          world.emit('member', this.client.name, `${this.client.name} learns from its heartbeat that it is no longer in the group (${error}); it gives up its partitions and rejoins.`, this.service.groupId);
          this.client.loseMembership(error === 'UNKNOWN_MEMBER_ID', true);
          this.host.wakeToRejoin();
        }
      }
    }
    this.scheduleHeartbeat(world.now + this.service.config.heartbeatIntervalMs);
  }

  // ---- poll timer ------------------------------------------------------------------------

  schedulePollTimer(): void {
    this.cancelPollTimer();
    this.pollTimerEntry = this.world.schedule(this.lastPollMs + this.service.config.maxPollIntervalMs, {
      kind: 'pollTimerCheck',
      ...this.client.ref,
    });
  }

  cancelPollTimer(): void {
    if (this.pollTimerEntry !== null) this.world.cancel(this.pollTimerEntry);
    this.pollTimerEntry = null;
  }

  /** The poll loop polled: the max.poll.interval.ms clock restarts (and is re-armed if it fired). */
  notePoll(): void {
    this.lastPollMs = this.world.now;
    // An armed check is not moved on every poll (hot path): when it fires early it re-arms itself.
    if (this.pollTimerEntry === null) this.schedulePollTimer();
  }

  onPollTimerCheck(): void {
    this.pollTimerEntry = null;
    if (!this.host.isAlive || this.host.hangMode === 'process') return;
    const world = this.world;
    const maxPollIntervalMs = this.service.config.maxPollIntervalMs;
    if (world.now < this.lastPollMs + maxPollIntervalMs) {
      // It polled since this check was armed: check again at the new deadline.
      this.schedulePollTimer();
      return;
    }
    // The deadline passed. The check acts at most once and is not re-armed until the next poll
    // (notePoll), as Kafka's heartbeat thread stays disabled once the client has left the group.
    if (this.client.memberId === null || this.client.joining) return;
    const memberId = this.client.memberId;
    if (this.client.groupInstanceId === null) {
      this.service.group.leave(this.world, memberId, `${this.client.name} did not poll for ${seconds(maxPollIntervalMs)} (max.poll.interval.ms), so its client sent LeaveGroup`);
    } else {
      world.emit(
        'member',
        this.client.name,
        `${this.client.name} did not poll for ${seconds(maxPollIntervalMs)} (max.poll.interval.ms); as a static member it sends no LeaveGroup: ` +
          `it forgets its member id and generation and stops heartbeating, and the coordinator keeps its place until ` +
          `session.timeout.ms (${seconds(this.service.config.sessionTimeoutMs)}) passes.`,
        this.service.groupId,
      );
      this.cancelHeartbeat();
    }
    // Both kinds reset membership (resetGenerationOnLeaveGroup): the next poll rejoins with an
    // empty member id, a static member with its group.instance.id.
    this.client.loseMembership(true, true);
  }

  // ---- metadata refresh ------------------------------------------------------------------

  /** A subscribed topic gained partitions: this client sees them at its next metadata refresh. */
  onTopicGrew(): void {
    if (!this.host.isAlive || this.client.metadata.entry !== null) return;
    const atMs = nextMetadataRefreshMs(this.client.metadata.phaseMs, this.service.config.metadataMaxAgeMs, this.world.now);
    this.client.metadata.entry = this.world.schedule(atMs, { kind: 'consumerMetadata', ...this.client.ref });
  }

  /** The refresh: only the leader acts, rejoining when its last assignment missed partitions. */
  onMetadataRefresh(): void {
    this.client.metadata.entry = null;
    if (!this.host.isAlive) return;
    this.client.metadata.refresh(this.world.topics, this.service.spec.subscribe);
    // While rebalancing, the assignment in progress (or applying it) settles it.
    if (!this.client.joining && this.client.rejoinIfAssignmentStale()) this.host.wakeToRejoin();
  }
}
