/**
 * createSimulation: builds a world from a scenario and drives it on the virtual clock.
 *
 * `runUntil(t)` runs every event due at or before t (and every scenario action due by then,
 * each applied exactly as a live `apply` at its time would be), then sets now = t. So
 * `runUntil(a); runUntil(b)` equals `runUntil(b)`: the caller's chunking never changes a run.
 * Metrics are sampled by engine events at fixed virtual times, not by the caller.
 */
import { addService, applyCommand } from './applyCommand';
import { deepClone } from './deepClone';
import { LAG_LIMITS } from './lag/lagMonitor';
import { resolveBurrowConfig } from './lag/burrowConfig';
import { resolveNetworkConfig } from './network';
import type { ApplyResult, Command } from './commands';
import { resolveBrokerConfig } from './config';
import { Cluster } from './broker/cluster';
import { ProducerSender } from './broker/producerSender';
import { resolveClusterConfig, resolveDeliveryConfig, resolveReplicationConfig } from './broker/replicationConfig';
import { ENGINE_EVENT_CODES, type EngineEvent, type InstanceRef } from './engineEvents';
import { checkInvariants } from './invariants';
import { runCleanupCheck } from './log/cleanupCheck';
import { Topic } from './log/topic';
import { Producer } from './producer/producer';
import type { Scenario, TimedCommand } from './scenario';
import type { SimEvent } from './simEvents';
import { buildSnapshot, type SimSnapshot } from './snapshot';
import { queriesOver, type SimulationQueries } from './simulationQueries';
import { buildSummary, type Summary, type SummaryOptions } from './summary';
import { registerWorld } from './testing/worldOf';
import type { SimTimeMs } from './types';
import { World } from './world';

export interface SimulationOptions {
  /** Check the model's invariants after every event (tests, development); throws on a breach. */
  checkInvariants?: boolean;
  /** Steps allowed at one virtual instant before `NoProgressError` (tests lower it). */
  maxStepsAtOneInstant?: number;
}

/** A run: time and commands in, snapshots, summaries and queries (simulationQueries.ts) out. */
export interface Simulation extends SimulationQueries {
  readonly now: SimTimeMs;
  readonly scenario: Scenario;
  apply(command: Command): ApplyResult;
  runUntil(timeMs: SimTimeMs): void;
  /**
   * `runUntil(timeMs)` in slices: runs at most about `maxSteps` steps (events dispatched and
   * records processed) and returns true once it has reached `timeMs` (now = timeMs), false when
   * it stopped early (call it again). Any slicing gives exactly the run `runUntil` gives.
   * Throws `NoProgressError` when one virtual instant takes more steps than a loop-free
   * scenario ever can. `shouldYield`, asked after each event once one has run, stops the call
   * early when it says so (the app passes its wall-time budget: under garbage-collection pressure
   * a step may cost many times its usual time, and the step count alone would overrun).
   */
  runSteps(timeMs: SimTimeMs, maxSteps: number, shouldYield?: () => boolean): boolean;
  snapshot(): SimSnapshot;
  /**
   * `snapshot()`, or null when `shouldGiveUp`, asked between the snapshot's topics and groups,
   * says so: a snapshot given up leaves nothing behind (the next one shares with the last one
   * made). The app passes a wall-time budget: while V8 marks a large heap, building a snapshot at
   * the limits can take fifty times its usual few milliseconds, and the app draws it later
   * rather than freeze a frame.
   */
  trySnapshot(shouldGiveUp: () => boolean): SimSnapshot | null;
  /** The summary JSON; read-model listings keep their newest 1,000 entities unless `fullReadModels`. */
  summary(options?: SummaryOptions): Summary;
  traceHash(): string;
  /** Explanations emitted so far (bounded; the oldest fall off). */
  events(): readonly SimEvent[];
  /**
   * Engine steps taken so far (events dispatched and records processed): a cheap measure of how
   * much state the run has built up (the app predicts a checkpoint copy's cost from it).
   */
  stepsTaken(): number;
  /** Due time of the next scheduled engine event (for stepping), or Infinity. */
  nextEventMs(): SimTimeMs;
  /** An independent copy at the same virtual time: running either never affects the other. */
  fork(): Simulation;
}

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const world = new World(scenario.seed, resolveBrokerConfig(scenario.broker), resolveBurrowConfig(scenario.burrow), resolveNetworkConfig(scenario.network), options.maxStepsAtOneInstant);
  for (const spec of scenario.topics) world.topics.set(spec.name, new Topic(spec));
  for (const spec of scenario.services) addService(world, spec);
  // Two or more brokers: replication and the produce path (broker/). One broker (or none said)
  // keeps the first release's direct appends, so such a run is the same with or without `brokers: 1`.
  if ((scenario.brokers ?? 1) >= 2) {
    const configs = new Map(scenario.topics.map((t) => [t.name, resolveReplicationConfig(t.config)]));
    world.cluster = new Cluster(resolveClusterConfig(scenario.brokers!, scenario.broker), world.network.latencyMs, (name) => configs.get(name) ?? resolveReplicationConfig(undefined));
    world.cluster.start(world);
  }
  for (const spec of scenario.producers) {
    const producer = new Producer(spec, scenario.seed);
    world.producers.set(spec.id, producer);
    if (world.cluster && spec.topic !== undefined) producer.sender = new ProducerSender(spec.id, resolveDeliveryConfig(spec.config), world.cluster);
    producer.start(world);
  }
  world.schedule(world.broker.retentionCheckIntervalMs, { kind: 'retentionCheck' });
  world.schedule(LAG_LIMITS.sampleIntervalMs, { kind: 'sample' });
  const actions: TimedCommand[] = [...(scenario.actions ?? [])].sort((a, b) => a.atMs - b.atMs);
  return wrapWorld(world, scenario, actions, 0, options.checkInvariants ?? false);
}

/** The Simulation interface over one world; `fork` wraps a deep copy of it. */
function wrapWorld(
  world: World,
  scenario: Scenario,
  actions: readonly TimedCommand[],
  firstAction: number,
  invariants: boolean,
): Simulation {
  let nextAction = firstAction;
  let lastSnapshot: SimSnapshot | undefined;
  /** The running `runSteps` call's `shouldYield`, and the step count it started at. */
  let yieldAsked: (() => boolean) | undefined;
  let stepsAtCall = 0;

  const instance = (ref: InstanceRef) => world.services.get(ref.service)!.instances[ref.instance]!;
  const group = (groupId: string) => world.services.get(world.groupServices.get(groupId)!)!.group;

  function dispatch(event: EngineEvent): void {
    switch (event.kind) {
      case 'produce':
        return world.producers.get(event.producer)!.onArrival(world);
      case 'poll':
        return instance(event).onPoll(world);
      case 'recordDone':
        return instance(event).onRecordDone(world);
      case 'heartbeat':
        {
        const consumer = instance(event);
        return consumer.liveness.onHeartbeat(world, consumer);
      }
      case 'pollTimerCheck':
        {
        const consumer = instance(event);
        return consumer.liveness.onPollTimerCheck(world, consumer);
      }
      case 'sessionCheck':
        return group(event.group).onSessionCheck(world, event.memberId);
      case 'joinDeadline':
        return group(event.group).onJoinDeadline(world, event.epoch);
      case 'syncDone':
        return group(event.group).onSyncDone(world, event.generation);
      case 'syncDeadline':
        return group(event.group).onSyncDeadline(world, event.generation);
      case 'retentionCheck':
        runCleanupCheck(world);
        world.schedule(world.now + world.broker.retentionCheckIntervalMs, { kind: 'retentionCheck' });
        return;
      case 'sample':
        world.lag.sample(world, world.services.values());
        world.schedule(world.now + LAG_LIMITS.sampleIntervalMs, { kind: 'sample' });
        return;
      case 'producerMetadata':
        return world.producers.get(event.producer)!.onMetadataRefresh(world);
      case 'consumerMetadata':
        {
        const consumer = instance(event);
        return consumer.liveness.onMetadataRefresh(world, consumer);
      }
      case 'call':
        return world.calls.onEvent(world, event.step, event.request);
      case 'fetch':
        {
        const consumer = instance(event);
        return consumer.fetcher.onNetworkHop(world, consumer);
      }
      case 'fetchMaxWait':
        {
        const consumer = instance(event);
        return consumer.fetcher.onMaxWait(world, consumer);
      }
      case 'joinPrepareCommit':
        {
        const consumer = instance(event);
        return consumer.client.onJoinPrepareHop(world, consumer);
      }
      case 'cluster':
        return world.cluster?.onEvent(world, event.event, (id) => world.producers.get(id)?.sender ?? undefined);
    }
  }

  /** Runs events due at or before `timeMs`; false if it stopped at `stepLimit` (total steps). */
  function runEventsThrough(timeMs: SimTimeMs, stepLimit = Number.POSITIVE_INFINITY): boolean {
    const queue = world.queue;
    for (let dueMs = queue.peekDueMs(); dueMs <= timeMs; dueMs = queue.peekDueMs()) {
      if (world.steps.total >= stepLimit || (yieldAsked !== undefined && world.steps.total > stepsAtCall && yieldAsked())) return false;
      const item = queue.popItem()!;
      if (dueMs < world.now) throw new Error(`time went backwards: ${dueMs} < ${world.now}`);
      world.now = dueMs;
      world.steps.step(world.now);
      world.hasher.int(ENGINE_EVENT_CODES[item.kind]);
      dispatch(item);
      if (invariants) checkInvariants(world);
    }
    return true;
  }

  /**
   * Scenario actions due by `timeMs`, each after the events due at or before its time, then the
   * rest of the events. Stops early (false) once the step count reaches `stepLimit`; calling it
   * again continues exactly where it stopped.
   */
  function runThrough(timeMs: SimTimeMs, stepLimit: number): boolean {
    while (nextAction < actions.length && actions[nextAction]!.atMs <= timeMs) {
      const action = actions[nextAction]!;
      if (!runEventsThrough(action.atMs, stepLimit)) return false;
      nextAction++;
      world.now = Math.max(world.now, action.atMs);
      simulation.apply(action);
    }
    if (!runEventsThrough(timeMs, stepLimit)) return false;
    world.now = timeMs;
    return true;
  }

  const simulation: Simulation = {
    ...queriesOver(world),
    get now() {
      return world.now;
    },
    scenario,
    apply(command) {
      const result = applyCommand(world, command);
      if (invariants) checkInvariants(world);
      return result;
    },
    runUntil(timeMs) {
      if (!(timeMs >= world.now)) return;
      runThrough(timeMs, Number.POSITIVE_INFINITY);
    },
    runSteps(timeMs, maxSteps, shouldYield) {
      if (!(timeMs >= world.now)) return true;
      yieldAsked = shouldYield;
      stepsAtCall = world.steps.total;
      try {
        return runThrough(timeMs, world.steps.total + Math.max(1, maxSteps));
      } finally {
        yieldAsked = undefined;
      }
    },
    snapshot() {
      // Each snapshot shares with the last one what did not change (views compare by reference).
      lastSnapshot = buildSnapshot(world, lastSnapshot);
      return lastSnapshot;
    },
    trySnapshot(shouldGiveUp) {
      const snapshot = buildSnapshot(world, lastSnapshot, shouldGiveUp);
      if (snapshot) lastSnapshot = snapshot;
      return snapshot;
    },
    summary: (summaryOptions) => buildSummary(world, world.hasher.digest(), summaryOptions),
    traceHash: () => world.hasher.digest(),
    events: () => world.events,
    nextEventMs: () => world.queue.peekDueMs(),
    stepsTaken: () => world.steps.total,
    fork: () => wrapWorld(deepClone(world), scenario, actions, nextAction, invariants),
  };
  registerWorld(simulation, world);
  return simulation;
}
