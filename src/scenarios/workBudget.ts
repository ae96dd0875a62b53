/**
 * The work budget: how much simulating a scenario can ask of the machine, so that no legal file
 * or link can freeze a tab or a CLI run. Work is counted in units: one per record appended to a
 * topic and one per record a group's handler processes (a delivery). A scenario's rate of work
 * is estimated from its highest rates (producers, `setRate`), the services reading each topic
 * (fan-out, with added services and what they emit onwards) and what their consumers can
 * process at most (instances × partitions × processingMs); `burst` and `produce` actions add
 * their records (and what those records cause downstream) at their time.
 *
 * Validation refuses a scenario that needs more than the budget to reach its last action or
 * note; a scenario within it may run to `workBudgetEndMs` (at most 24 h of virtual time), which
 * the lab and the CLI respect. The estimate is an upper bound on steady work; the engine's own
 * guard (NoProgressError) and the sliced runner in the app cover the rest.
 */
import type { Scenario, ServiceSpec, TimedCommand } from '../engine';
import { findZeroTimeLoop, HANDLER_NAMES_THAT_EMIT, KAFKA_CONSUMER_DEFAULTS, recordDurationMs } from '../engine';
import { limits } from '../engine';
import type { ScenarioError } from './scenarioError';

/**
 * Units of work a scenario may need (a unit: a record appended, a record processed, a command
 * handled or a timed event such as a heartbeat). Measured in Node on this 2-core machine, the engine does
 * roughly 200,000–400,000 units per second of CPU, so the budget is a few minutes of work at
 * most, done in slices with a progress bar in the lab; the checkout benchmark's hour at 1,000
 * orders/s (14.4 million units) and an hour of the outage story at 100 orders/s (2.2 million)
 * fit well within it.
 */
export const WORK_BUDGET = 40_000_000;

/** Hops followed when counting what one burst record causes downstream. */
const MAX_HOPS = 8;

export interface WorkEstimate {
  /** Records appended per virtual second at the highest rates. */
  recordsPerSec: number;
  /** Records processed by handlers per virtual second (fan-out over groups, capped by capacity). */
  deliveriesPerSec: number;
  /** Commands handled per virtual second (clients sending commands). */
  commandsPerSec: number;
  /**
   * Timed engine events per virtual second that come with no record: heartbeats and session
   * checks, poll timers, idle polls, lag samples, retention checks. Configs such as
   * heartbeat.interval.ms = 1 on 32 instances make these the bulk of a run's work.
   */
  timersPerSec: number;
  /** Work of `burst` and `produce` actions: units at their time. */
  extras: ReadonlyArray<{ atMs: number; units: number }>;
}

export function unitsPerSec(estimate: WorkEstimate): number {
  return estimate.recordsPerSec + estimate.deliveriesPerSec + estimate.commandsPerSec + estimate.timersPerSec;
}

/** Work needed to run from 0 to `timeMs`. */
export function workUntil(estimate: WorkEstimate, timeMs: number): number {
  let work = (unitsPerSec(estimate) * timeMs) / 1000;
  for (const extra of estimate.extras) if (extra.atMs <= timeMs) work += extra.units;
  return work;
}

/** The latest virtual time the budget allows (at most 24 h); −1 when even t = 0 is over it. */
export function workBudgetEndMs(estimate: WorkEstimate, budget = WORK_BUDGET): number {
  const perMs = unitsPerSec(estimate) / 1000;
  let spent = 0;
  for (const extra of [...estimate.extras].sort((a, b) => a.atMs - b.atMs)) {
    if (perMs * extra.atMs + spent + extra.units > budget) {
      // The budget runs out before this extra work, or at its moment.
      const steadyEnd = perMs === 0 ? limits.MAX_AT_MS : Math.floor((budget - spent) / perMs);
      return Math.min(limits.MAX_AT_MS, steadyEnd, extra.atMs - 1);
    }
    spent += extra.units;
  }
  if (perMs === 0) return spent > budget ? -1 : limits.MAX_AT_MS;
  return Math.min(limits.MAX_AT_MS, Math.floor((budget - spent) / perMs));
}

/** The estimate for a scenario and, optionally, the interventions of a run. */
export function estimateWork(scenario: Scenario, interventions: readonly TimedCommand[] = []): WorkEstimate {
  const commands = [...(scenario.actions ?? []), ...interventions];
  const services: ServiceSpec[] = [...scenario.services, ...commands.flatMap((c) => (c.type === 'addService' ? [c.service] : []))];
  const partitions = new Map(scenario.topics.map((t) => [t.name, t.partitions]));
  for (const c of commands) if (c.type === 'addPartitions') partitions.set(c.topic, Math.max(partitions.get(c.topic) ?? 0, c.partitions));

  // Producers at their highest rate; a client's commands reach the owning service's topic.
  const produced = new Map<string, number>();
  let commandsPerSec = 0;
  for (const producer of scenario.producers) {
    let rate = producer.ratePerSec;
    for (const c of commands) if (c.type === 'setRate' && c.producer === producer.id) rate = Math.max(rate, c.ratePerSec);
    const topic = producer.topic ?? services.find((s) => s.id === producer.to)?.emitTo;
    if (producer.to !== undefined) commandsPerSec += rate;
    // A calling client's order is about three steps per call (arrival, end of work, answer).
    if (producer.calls !== undefined) commandsPerSec += rate * producer.calls.targets.length * 3;
    if (topic !== undefined) produced.set(topic, (produced.get(topic) ?? 0) + rate);
  }

  const capacity = new Map(services.map((s) => [s.id, capacityOf(s, commands, partitions)]));
  const onLoop = servicesOnEmitLoops(services);
  const emitting = (s: ServiceSpec) => s.emitTo !== undefined && HANDLER_NAMES_THAT_EMIT.includes(s.handler ?? 'noop');
  const processed = new Map<string, number>();
  let rates = new Map(produced);
  // Records flow forward through emitting services; a service on a loop of emitting services
  // fills its capacity in the long run, so it counts at capacity (loops without a bound are
  // refused by validation and never reach here with Infinity).
  for (let round = 0; round <= services.length + 1; round++) {
    for (const service of services) {
      const input = service.subscribe.reduce((sum, topic) => sum + (rates.get(topic) ?? 0), 0);
      const cap = capacity.get(service.id)!;
      processed.set(service.id, onLoop.has(service.id) && emitting(service) ? cap : Math.min(input, cap));
    }
    const next = new Map(produced);
    for (const service of services) {
      if (emitting(service)) next.set(service.emitTo!, (next.get(service.emitTo!) ?? 0) + processed.get(service.id)!);
    }
    rates = next;
  }
  const recordsPerSec = sum(rates.values());
  const deliveriesPerSec = sum(processed.values());

  const extras: Array<{ atMs: number; units: number }> = [];
  for (const c of commands) {
    if (c.type !== 'burst' && c.type !== 'produce') continue;
    const count = c.type === 'burst' ? c.count : (c.count ?? 1);
    const producer = scenario.producers.find((p) => p.id === c.producer);
    const topic = producer?.topic ?? services.find((s) => s.id === producer?.to)?.emitTo;
    if (topic !== undefined) extras.push({ atMs: c.atMs, units: count * unitsPerRecord(topic, services, emitting, MAX_HOPS) });
  }
  const timersPerSec = timersOf(scenario, services, commands, partitions);
  return { recordsPerSec, deliveriesPerSec, commandsPerSec, timersPerSec, extras };
}

/** An idle consumer polls again after fetch.max.wait (500 ms in the engine): two polls a second. */
const IDLE_POLLS_PER_SEC = 2;

function timersOf(scenario: Scenario, services: readonly ServiceSpec[], commands: readonly TimedCommand[], partitions: ReadonlyMap<string, number>): number {
  let timers = 0;
  for (const service of services) {
    let instances = service.instances ?? 1;
    for (const c of commands) if (c.type === 'scale' && c.service === service.id) instances = Math.max(instances, c.instances);
    const config = service.config ?? {};
    const heartbeatMs = config['heartbeat.interval.ms'] ?? KAFKA_CONSUMER_DEFAULTS.heartbeatIntervalMs;
    const maxPollMs = config['max.poll.interval.ms'] ?? KAFKA_CONSUMER_DEFAULTS.maxPollIntervalMs;
    // A heartbeat and the session check it moves; the poll timer; idle polls.
    timers += instances * ((2 * 1000) / heartbeatMs + 1000 / maxPollMs + IDLE_POLLS_PER_SEC);
    // The lag sample each second looks at every partition the group reads.
    timers += service.subscribe.reduce((sum, topic) => sum + (partitions.get(topic) ?? 0), 0);
  }
  const checkMs = scenario.broker?.['log.retention.check.interval.ms'] ?? 1000;
  timers += (1000 / checkMs) * sum(partitions.values());
  return timers;
}

/** Records per second a service's consumers can process at most (Infinity when they take no time). */
function capacityOf(service: ServiceSpec, commands: readonly TimedCommand[], partitions: ReadonlyMap<string, number>): number {
  let instances = service.instances ?? 1;
  let fastest = 1;
  for (const c of commands) {
    if (c.type === 'scale' && c.service === service.id) instances = Math.max(instances, c.instances);
    if (c.type === 'slow' && c.target.startsWith(`${service.id}-`)) fastest = Math.min(fastest, c.factor);
  }
  const readable = service.subscribe.reduce((total, topic) => total + (partitions.get(topic) ?? 0), 0);
  const consumers = Math.min(instances, readable);
  const durationMs = recordDurationMs(service.processingMs, fastest);
  if (consumers === 0) return 0;
  return durationMs === 0 ? Number.POSITIVE_INFINITY : (consumers * 1000) / durationMs;
}

/** Units one record appended to `topic` causes: its append, its deliveries and what they emit. */
function unitsPerRecord(topic: string, services: readonly ServiceSpec[], emitting: (s: ServiceSpec) => boolean, hops: number): number {
  let units = 1;
  for (const service of services) {
    if (!service.subscribe.includes(topic)) continue;
    units += 1;
    if (emitting(service) && hops > 0) units += unitsPerRecord(service.emitTo!, services, emitting, hops - 1);
  }
  return units;
}

/** Services whose emitted records can come back to them through emitting services. */
function servicesOnEmitLoops(services: readonly ServiceSpec[]): Set<string> {
  const loops = new Set<string>();
  for (const service of services) {
    if (service.emitTo === undefined) continue;
    const seen = new Set<string>();
    const queue = [service.emitTo];
    while (queue.length > 0) {
      const topic = queue.shift()!;
      if (seen.has(topic)) continue;
      seen.add(topic);
      if (service.subscribe.includes(topic)) {
        loops.add(service.id);
        break;
      }
      for (const other of services) if (other.emitTo !== undefined && other.subscribe.includes(topic)) queue.push(other.emitTo);
    }
  }
  return loops;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * Validation: a zero-time loop is refused (the clock could never move); a scenario that needs
 * more than the budget to reach its last action or note is refused with the figures.
 */
export function checkWorkBudget(scenario: Scenario): ScenarioError[] {
  const loop = zeroTimeLoopOf(scenario);
  if (loop) return [loop];
  const estimate = estimateWork(scenario);
  const lastMs = Math.max(0, ...(scenario.actions ?? []).map((a) => a.atMs), ...(scenario.notes ?? []).map((n) => n.atMs));
  const work = workUntil(estimate, lastMs);
  if (work <= WORK_BUDGET) return [];
  return [
    {
      path: '',
      message:
        `the scenario needs about ${millions(work)} units of work (records appended and processed, commands, timed events) to reach its last action or note at ` +
        `${formatClock(lastMs)}: ${describeRate(estimate)}; the work budget is ${millions(WORK_BUDGET)}. ` +
        'Lower the rates, read each topic with fewer services, or end the scenario earlier',
    },
  ];
}

/** "about 2.7 million units per virtual second (160,000 records/s appended, …)". */
export function describeRate(estimate: WorkEstimate): string {
  const whole = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'unbounded');
  return (
    `${whole(unitsPerSec(estimate))} units per virtual second at its highest rates ` +
    `(${whole(estimate.recordsPerSec)} records/s appended, ${whole(estimate.deliveriesPerSec)} records/s processed by its services` +
    `${estimate.commandsPerSec > 0 ? `, ${whole(estimate.commandsPerSec)} commands/s` : ''}, ${whole(estimate.timersPerSec)} timer events/s)`
  );
}

export function millions(units: number): string {
  if (!Number.isFinite(units)) return 'an unbounded number of';
  if (units >= 1e9) return `${(units / 1e9).toLocaleString('en-US', { maximumFractionDigits: 1 })} billion`;
  return units >= 1e6 ? `${(units / 1e6).toFixed(1).replace(/\.0$/, '')} million` : Math.round(units).toLocaleString('en-US');
}

/** h:mm:ss, or m:ss under an hour. */
export function formatClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

function zeroTimeLoopOf(scenario: Scenario): ScenarioError | null {
  const commands = scenario.actions ?? [];
  const added = commands.flatMap((c) => (c.type === 'addService' ? [c.service] : []));
  const services = [...scenario.services, ...added];
  const candidates = services.map((service) => {
    let fastest = 1;
    for (const c of commands) if (c.type === 'slow' && c.target.startsWith(`${service.id}-`)) fastest = Math.min(fastest, c.factor);
    return { ...service, recordMs: recordDurationMs(service.processingMs, fastest) };
  });
  const loop = findZeroTimeLoop(candidates);
  if (!loop) return null;
  const first = loop[0]!;
  const index = scenario.services.findIndex((s) => s.id === first);
  const path = index >= 0 ? `services[${index}]` : `actions[${commands.findIndex((c) => c.type === 'addService' && c.service.id === first)}].service`;
  return {
    path,
    message:
      `${[...loop, first].join(' → ')}: these services feed each other's topics and their records take no time (processingMs × slow factor rounds to 0 ms), ` +
      'so each record read appends another at the same instant and the clock could never move; give one of them a processingMs of at least 1 or emit to another topic',
  };
}
