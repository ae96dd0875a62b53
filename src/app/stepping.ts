/**
 * Stepping through a run one visible change at a time. A visible change is anything a view
 * shows: an explanation, a record appended or deleted, a commit, a position, a status, an
 * assignment, a producer's state. Engine-internal events (heartbeats, empty polls) are skipped.
 */
import type { SimEvent, SimSnapshot } from '../engine';
import type { LiveRun } from './liveRun';

/** A compact fingerprint of everything the views show; equal strings mean nothing visible changed. */
export function visibleSignature(snapshot: SimSnapshot): string {
  const parts: (string | number)[] = [snapshot.eventCount];
  for (const topic of snapshot.topics) {
    for (const p of topic.partitions) parts.push(p.logStartOffset, p.highWatermark);
  }
  for (const group of snapshot.groups) {
    parts.push(group.state, group.generation);
    for (const key in group.committed) parts.push(key, group.committed[key]!);
    for (const instance of group.instances) {
      parts.push(instance.status, instance.slowFactor, instance.assignment.join(','));
      for (const key in instance.positions) parts.push(key, instance.positions[key]!);
    }
  }
  for (const producer of snapshot.producers) parts.push(producer.paused ? 1 : 0, producer.ratePerSec, producer.sent);
  return parts.join('|');
}

export interface StepOptions {
  /** Never jump further than this in one step (nothing visible may happen for a long while). */
  maxJumpMs?: number;
  /** Bound on engine events examined in one step. */
  maxIterations?: number;
}

/**
 * Runs to the next moment something visible changes (or `maxJumpMs` ahead). Returns the new
 * time. Interventions count as moments: a step never jumps over one.
 */
export function stepToNextChange(run: LiveRun, options: StepOptions = {}): number {
  const limit = run.now + (options.maxJumpMs ?? 60_000);
  const maxIterations = options.maxIterations ?? 10_000;
  const before = visibleSignature(run.simulation.snapshot());
  for (let i = 0; i < maxIterations; i++) {
    const next = Math.min(run.simulation.nextEventMs(), run.nextInterventionMs(), limit);
    run.forwardTo(next, true);
    if (run.now >= limit || visibleSignature(run.simulation.snapshot()) !== before) break;
  }
  return run.now;
}

/**
 * The latest moment before `nowMs` at which something visible is known to have changed: an
 * explanation, an append, a commit or an intervention. 0 when there is none.
 */
export function previousChangeMs(
  nowMs: number,
  snapshot: SimSnapshot,
  events: readonly SimEvent[],
  interventionTimes: readonly number[],
): number {
  let best = 0;
  const consider = (t: number) => {
    if (t < nowMs && t > best) best = t;
  };
  for (let i = events.length - 1; i >= 0; i--) {
    const atMs = events[i]!.atMs;
    if (atMs < nowMs) {
      consider(atMs);
      break;
    }
  }
  for (const topic of snapshot.topics) {
    for (const p of topic.partitions) for (const record of p.recent) consider(record.timestampMs);
  }
  for (const group of snapshot.groups) for (const key in group.committedAtMs) consider(group.committedAtMs[key]!);
  for (const t of interventionTimes) consider(t);
  return best;
}
