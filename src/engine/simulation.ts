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
import { LAG_LIMITS, type DisagreementSample, type GroupLagSample } from './lag/lagMonitor';
import type { LagStatus } from './lag/evaluateLagStatus';
import type { LongestWait, ProbeAnswer } from './consistency/consistencyTracker';
import type { Incident } from './service/groupStats';
import type { ApplyResult, Command } from './commands';
import { resolveBrokerConfig } from './config';
import { ENGINE_EVENT_CODES, type EngineEvent } from './engineEvents';
import { checkInvariants } from './invariants';
import type { LogRecord } from './log/record';
import { runCleanupCheck } from './log/cleanupCheck';
import { Topic } from './log/topic';
import { Producer } from './producer/producer';
import type { Scenario, TimedCommand } from './scenario';
import type { SimEvent } from './simEvents';
import { buildSnapshot, type SimSnapshot } from './snapshot';
import { buildSummary, type Summary, type SummaryOptions } from './summary';
import type { SimTimeMs } from './types';
import { World } from './world';

export interface RecordDelivery {
  service: string;
  /** Handler invocations on this record by the service's group (0 = not processed yet). */
  times: number;
  /** When the service's read model first applied the fact, if still tracked. */
  firstAppliedMs: number | null;
}

export interface GroupHealth {
  status: LagStatus;
  staleness: { seconds: number; records: number };
  maxConsistencyWindowMs: number | null;
}

export interface SimulationOptions {
  /** Check the model's invariants after every event (tests, development); throws on a breach. */
  checkInvariants?: boolean;
  /** Steps allowed at one virtual instant before `NoProgressError` (tests lower it). */
  maxStepsAtOneInstant?: number;
}

export interface Simulation {
  readonly now: SimTimeMs;
  readonly scenario: Scenario;
  apply(command: Command): ApplyResult;
  runUntil(timeMs: SimTimeMs): void;
  /**
   * `runUntil(timeMs)` in slices: runs at most about `maxSteps` steps (events dispatched and
   * records processed) and returns true once it has reached `timeMs` (now = timeMs), false when
   * it stopped early (call it again). Any slicing gives exactly the run `runUntil` gives.
   * Throws `NoProgressError` when one virtual instant takes more steps than a loop-free
   * scenario ever can.
   */
  runSteps(timeMs: SimTimeMs, maxSteps: number): boolean;
  snapshot(): SimSnapshot;
  /** The summary JSON; read-model listings keep their newest 1,000 entities unless `fullReadModels`. */
  summary(options?: SummaryOptions): Summary;
  traceHash(): string;
  /** Explanations emitted so far (bounded; the oldest fall off). */
  events(): readonly SimEvent[];
  /** Up to `max` retained records of a partition from `fromOffset` (below the high watermark). */
  readRecords(topic: string, partition: number, fromOffset: number, max: number): LogRecord[];
  /**
   * Engine steps taken so far (events dispatched and records processed): a cheap measure of how
   * much state the run has built up (the app predicts a checkpoint copy's cost from it).
   */
  stepsTaken(): number;
  /** Due time of the next scheduled engine event (for stepping), or Infinity. */
  nextEventMs(): SimTimeMs;
  /** An independent copy at the same virtual time: running either never affects the other. */
  fork(): Simulation;
  /** Lag samples of a group, one per second of virtual time (bounded). */
  lagHistory(groupId: string): readonly GroupLagSample[];
  /** Burrow's verdict per partition of a service's group now, with the rule that fired. */
  lagExplanation(serviceId: string): Record<string, { status: LagStatus; rule: string }>;
  /** Entities on which read models disagreed, sampled each second (bounded). */
  disagreementHistory(): readonly DisagreementSample[];
  /** "Is this entity (e.g. order-42) visible in each read model yet, and since when?" */
  probe(entity: string): ProbeAnswer | null;
  /** The newest entities (up to 64), newest first, with when each read model applied them. */
  recentFacts(count: number): ProbeAnswer[];
  /** The fact that has waited longest for a read model (applied or still waiting), if any. */
  longestWait(): LongestWait | null;
  /** The moments a service's guarantees were broken: duplicates, skips, order violations. */
  incidents(serviceId: string): readonly Incident[];
  /** Which services processed a record, how many times, and when each first applied its fact. */
  recordDeliveries(topic: string, partition: number, offset: number): RecordDelivery[];
  /** A service's group health now: Burrow status, staleness, largest consistency window. */
  health(serviceId: string): GroupHealth | null;
  /** The world itself, for engine-internal tests and benchmarks. */
  readonly world: World;
}

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const world = new World(scenario.seed, resolveBrokerConfig(scenario.broker), options.maxStepsAtOneInstant);
  for (const spec of scenario.topics) world.topics.set(spec.name, new Topic(spec));
  for (const spec of scenario.services) addService(world, spec);
  for (const spec of scenario.producers) {
    const producer = new Producer(spec, scenario.seed);
    world.producers.set(spec.id, producer);
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

  function dispatch(event: EngineEvent): void {
    switch (event.kind) {
      case 'produce':
        return event.producer.onArrival(world);
      case 'poll':
        return event.instance.onPoll();
      case 'recordDone':
        return event.instance.onRecordDone();
      case 'heartbeat':
        return event.instance.onHeartbeat();
      case 'pollTimerCheck':
        return event.instance.onPollTimerCheck();
      case 'sessionCheck':
        return event.group.onSessionCheck(event.memberId);
      case 'joinDeadline':
        return event.group.onJoinDeadline(event.epoch);
      case 'syncDone':
        return event.group.onSyncDone(event.generation);
      case 'syncDeadline':
        return event.group.onSyncDeadline(event.generation);
      case 'retentionCheck':
        runCleanupCheck(world);
        world.schedule(world.now + world.broker.retentionCheckIntervalMs, { kind: 'retentionCheck' });
        return;
      case 'sample':
        world.lag.sample();
        world.schedule(world.now + LAG_LIMITS.sampleIntervalMs, { kind: 'sample' });
        return;
    }
  }

  /** Runs events due at or before `timeMs`; false if it stopped at `stepLimit` (total steps). */
  function runEventsThrough(timeMs: SimTimeMs, stepLimit = Number.POSITIVE_INFINITY): boolean {
    const queue = world.queue;
    while (queue.peekDueMs() <= timeMs) {
      if (world.steps.total >= stepLimit) return false;
      const entry = queue.pop()!;
      if (entry.dueMs < world.now) throw new Error(`time went backwards: ${entry.dueMs} < ${world.now}`);
      world.now = entry.dueMs;
      world.steps.step(world.now);
      world.hasher.int(ENGINE_EVENT_CODES[entry.item.kind]);
      dispatch(entry.item);
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
    get now() {
      return world.now;
    },
    scenario,
    world,
    apply(command) {
      const result = applyCommand(world, command);
      if (invariants) checkInvariants(world);
      return result;
    },
    runUntil(timeMs) {
      if (!(timeMs >= world.now)) return;
      runThrough(timeMs, Number.POSITIVE_INFINITY);
    },
    runSteps(timeMs, maxSteps) {
      if (!(timeMs >= world.now)) return true;
      return runThrough(timeMs, world.steps.total + Math.max(1, maxSteps));
    },
    snapshot: () => buildSnapshot(world),
    summary: (summaryOptions) => buildSummary(world, world.hasher.digest(), summaryOptions),
    traceHash: () => world.hasher.digest(),
    events: () => world.events,
    readRecords(topic, partition, fromOffset, max) {
      const log = world.topics.get(topic)?.partitions[partition];
      const out: LogRecord[] = [];
      log?.read(Math.max(fromOffset, log.logStartOffset), max, out);
      return out;
    },
    nextEventMs: () => world.queue.peekDueMs(),
    stepsTaken: () => world.steps.total,
    fork: () => wrapWorld(deepClone(world), scenario, actions, nextAction, invariants),
    lagHistory: (groupId) => world.lag.history(groupId),
    lagExplanation(serviceId) {
      const service = world.services.get(serviceId);
      return service ? world.lag.explain(service) : {};
    },
    disagreementHistory: () => world.lag.disagreements,
    probe: (entity) => world.consistency.probe(entity),
    recentFacts: (count) => world.consistency.recent(count),
    longestWait: () => world.consistency.longestWait(world.now),
    incidents: (serviceId) => world.services.get(serviceId)?.stats.incidents ?? [],
    recordDeliveries(topic, partition, offset) {
      const log = world.topics.get(topic)?.partitions[partition];
      const record = log?.recordAtOrAfter(offset);
      const key = `${topic}-${partition}`;
      const out: RecordDelivery[] = [];
      for (const service of world.services.values()) {
        if (!service.spec.subscribe.includes(topic)) continue;
        out.push({
          service: service.id,
          times: service.stats.timesProcessed(key, offset),
          firstAppliedMs: record && record.offset === offset ? world.consistency.appliedAt(record.eventId, service.id) : null,
        });
      }
      return out;
    },
    health(serviceId) {
      const service = world.services.get(serviceId);
      if (!service) return null;
      const lag = world.lag.measureNow(service);
      return {
        status: lag.status,
        staleness: lag.staleness,
        maxConsistencyWindowMs: world.consistency.maxConsistencyWindowMs(service.id),
      };
    },
  };
  return simulation;
}
