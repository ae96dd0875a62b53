/**
 * What a screen reader hears of a run, as pure functions: the explained events and the groups'
 * progress turned into "happenings", and happenings merged into one digest sentence such as
 * "0:42: email-0 crashed; billing rebalanced (generation 3: billing-1 got orders-2)".
 * The feed (narrationFeed.ts) decides when a digest is sent; nothing here reads a clock.
 */
import type { GroupHealth, SimEvent, SimSnapshot } from '../engine';
import { formatClock } from '../scenarios/workBudget';

export type Happening =
  | { kind: 'member'; atMs: number; instance: string; what: string }
  | {
      kind: 'assigned';
      atMs: number;
      group: string;
      generation: number;
      instance: string;
      partitions: string[];
    }
  | { kind: 'lost'; atMs: number; group: string; records: number }
  | { kind: 'duplicates'; atMs: number; group: string; count: number }
  | { kind: 'caughtUp'; atMs: number; group: string }
  /** A calling client's order failed or timed out (at `service`). */
  | { kind: 'orderFailed'; atMs: number; producer: string; service: string; timedOut: boolean };

/**
 * A group counts as behind once its read model trails the log by this much virtual time. A
 * group that keeps up still trails by a record or two for a few milliseconds after each
 * append; announcing every return to zero would be noise.
 */
const BEHIND_SECONDS = 2;

export function isBehind(staleness: GroupHealth['staleness'] | undefined): boolean {
  return staleness !== undefined && staleness.records > 0 && staleness.seconds >= BEHIND_SECONDS;
}

/** What a member event says happened to its instance (events without a code are left out). */
function memberWhat(event: SimEvent): string | null {
  const fields = event.fields ?? {};
  switch (event.code) {
    case 'member.crashed':
      return 'crashed';
    case 'member.started':
      return 'started';
    case 'member.stopped':
      return 'stopped';
    case 'member.hung':
      return fields['mode'] === 'handler' ? 'hung (handler only)' : 'hung';
    case 'member.resumed':
      return 'resumed';
    case 'member.slowed':
      return fields['factor'] === 1
        ? 'back to normal speed'
        : `slowed ×${String(fields['factor'])}`;
    case 'member.left':
      return `left group ${String(fields['group'])}`;
    default:
      return null;
  }
}

/** The happenings among explained events, in order; other events are not narrated. */
export function happeningsFromEvents(events: readonly SimEvent[]): Happening[] {
  const out: Happening[] = [];
  for (const event of events) {
    const fields = event.fields ?? {};
    const instance = String(fields['instance'] ?? event.entity);
    const what = memberWhat(event);
    if (what !== null) out.push({ kind: 'member', atMs: event.atMs, instance, what });
    else if (event.code === 'partitions.assigned') {
      out.push({
        kind: 'assigned',
        atMs: event.atMs,
        group: String(fields['group'] ?? event.group),
        generation: Number(fields['generation']),
        instance,
        partitions: String(fields['partitions'] ?? '')
          .split(',')
          .filter(Boolean),
      });
    } else if (event.code === 'order.failed' || event.code === 'order.timedOut') {
      out.push({
        kind: 'orderFailed',
        atMs: event.atMs,
        producer: String(fields['producer'] ?? event.entity),
        service: String(fields['service'] ?? ''),
        timedOut: event.code === 'order.timedOut',
      });
    } else if (event.code === 'offset.outOfRange' && Number(fields['lost']) > 0) {
      out.push({
        kind: 'lost',
        atMs: event.atMs,
        group: String(fields['group'] ?? event.group),
        records: Number(fields['lost']),
      });
    }
  }
  return out;
}

/** Per group: duplicates so far and whether it is behind (narration's memory between publishes). */
export type GroupProgress = ReadonlyMap<string, { duplicates: number; behind: boolean }>;

export function groupProgress(
  snapshot: SimSnapshot,
  health: (serviceId: string) => GroupHealth | null,
): GroupProgress {
  const out = new Map<string, { duplicates: number; behind: boolean }>();
  for (const group of snapshot.groups) {
    out.set(group.groupId, {
      duplicates: group.stats.duplicates,
      behind: isBehind(health(group.serviceId)?.staleness),
    });
  }
  return out;
}

/**
 * Duplicates processed since `before`, and groups that caught up: their read model trailed
 * (`before` says behind, or `now` does) and has now applied everything (`records` 0).
 * Returns the progress to remember: a group stays behind until it catches up.
 */
export function progressHappenings(
  before: GroupProgress,
  snapshot: SimSnapshot,
  health: (serviceId: string) => GroupHealth | null,
): { happenings: Happening[]; progress: GroupProgress } {
  const happenings: Happening[] = [];
  const progress = new Map<string, { duplicates: number; behind: boolean }>();
  for (const group of snapshot.groups) {
    const old = before.get(group.groupId);
    const staleness = health(group.serviceId)?.staleness;
    const duplicates = group.stats.duplicates;
    if (old && duplicates > old.duplicates) {
      happenings.push({
        kind: 'duplicates',
        atMs: snapshot.nowMs,
        group: group.groupId,
        count: duplicates - old.duplicates,
      });
    }
    let behind = (old?.behind ?? false) || isBehind(staleness);
    if (behind && staleness?.records === 0) {
      happenings.push({ kind: 'caughtUp', atMs: snapshot.nowMs, group: group.groupId });
      behind = false;
    }
    progress.set(group.groupId, { duplicates, behind });
  }
  return { happenings, progress };
}

/** Lists at most `max` names, then how many more. */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Phrases for happenings, merged: one per rebalance (group and generation), totals per group. */
function happeningPhrases(happenings: readonly Happening[]): string[] {
  const phrases: (string | (() => string))[] = [];
  const rebalances = new Map<string, { instance: string; partitions: string[] }[]>();
  const totals = new Map<string, { count: number }>();
  const total = (key: string, count: number, phrase: (sum: number) => string) => {
    const found = totals.get(key);
    if (found) found.count += count;
    else {
      const entry = { count };
      totals.set(key, entry);
      phrases.push(() => phrase(entry.count));
    }
  };
  for (const h of happenings) {
    if (h.kind === 'member') phrases.push(`${h.instance} ${h.what}`);
    else if (h.kind === 'caughtUp') phrases.push(`${h.group} caught up`);
    else if (h.kind === 'lost')
      total(
        `lost:${h.group}`,
        h.records,
        (n) => `${plural(n, 'record', 'records')} lost to retention in ${h.group}`,
      );
    else if (h.kind === 'orderFailed')
      total(
        `orders:${h.producer}:${h.service}:${h.timedOut}`,
        1,
        (n) =>
          `${plural(n, `${h.producer} order`, `${h.producer} orders`)} ${h.timedOut ? `timed out waiting for ${h.service}` : `failed at ${h.service}`}`,
      );
    else if (h.kind === 'duplicates')
      total(
        `dup:${h.group}`,
        h.count,
        (n) => `${h.group} processed ${plural(n, 'duplicate', 'duplicates')}`,
      );
    else {
      const key = `${h.group}#${h.generation}`;
      let got = rebalances.get(key);
      if (!got) {
        const members: { instance: string; partitions: string[] }[] = [];
        got = members;
        rebalances.set(key, members);
        phrases.push(() => {
          const given = members
            .filter((m) => m.partitions.length > 0)
            .map((m) => `${m.instance} got ${listNames(m.partitions)}`);
          return `${h.group} rebalanced (generation ${h.generation}${given.length > 0 ? `: ${given.join('; ')}` : ''})`;
        });
      }
      const member = got.find((m) => m.instance === h.instance);
      if (member) member.partitions.push(...h.partitions);
      else got.push({ instance: h.instance, partitions: [...h.partitions] });
    }
  }
  return phrases.map((p) => (typeof p === 'string' ? p : p()));
}

/** "0:42" or, for happenings spread over time, "0:42 to 1:05". */
function span(happenings: readonly Happening[]): string {
  const times = happenings.map((h) => h.atMs);
  const from = formatClock(Math.min(...times));
  const to = formatClock(Math.max(...times));
  return from === to ? from : `${from} to ${to}`;
}

/** One digest of what happened, or null when there is nothing to say. */
export function digestText(happenings: readonly Happening[]): string | null {
  if (happenings.length === 0) return null;
  return `${span(happenings)}: ${happeningPhrases(happenings).join('; ')}.`;
}
