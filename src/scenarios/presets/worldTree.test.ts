/**
 * "World as plain data" (issue 19): walks the World of every preset, after virtual time, a fork
 * and a crash applied to the fork, and lists every mutable (non-frozen) object it reaches by a
 * second path. Frozen facts (records, specs, resolved configs, assignments, CowMap bases) may be
 * shared (engine/frozen.ts); queued events are plain data and parts keep only their ids
 * (engine/eventQueue.ts).
 *
 * The goal is no shared mutable object at all, so that a fork is a plain structural copy. Not
 * there yet: SHARED_YET lists, by the field that holds the second reference, the references
 * that remain. The test fails on any other one (a new shared reference is a regression), and
 * on an entry that no longer occurs (remove it from the list: the tree has grown).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine';
import { worldOf } from '../../engine/testing/worldOf';
import { PRESETS } from './index';

/** `Owner.field -> Target`: a field that holds a second reference to a mutable object. */
const SHARED_YET = new Set<string>([]);

/** Every second reference to a mutable object reachable from `root`, as `Owner.field -> Target`. */
function sharedReferences(root: object): Set<string> {
  const seen = new Set<object>();
  const shared = new Set<string>();
  const className = (value: object): string => (value.constructor as { name?: string } | undefined)?.name ?? 'Object';
  const pending: Array<[unknown, string]> = [[root, 'root']];
  for (let i = 0; i < pending.length; i++) {
    const [value, label] = pending[i]!;
    if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) continue;
    if (seen.has(value)) {
      shared.add(`${label} -> ${className(value)}`);
      continue;
    }
    seen.add(value);
    if (Array.isArray(value)) for (const item of value) pending.push([item, `${label}[]`]);
    else if (value instanceof Map) {
      for (const [key, item] of value) pending.push([key, `${label}.key`], [item, `${label}[]`]);
    } else if (value instanceof Set) for (const item of value) pending.push([item, `${label}[]`]);
    else for (const key of Object.keys(value)) pending.push([(value as Record<string, unknown>)[key], `${className(value)}.${key}`]);
  }
  return shared;
}

describe('the World as a tree of mutable state', () => {
  it('shares no mutable object beyond the listed references, in every preset after a fork and a crash', () => {
    const found = new Set<string>();
    for (const preset of PRESETS) {
      const original = createSimulation(preset.scenario);
      original.runUntil(45_000);
      const fork = original.fork();
      const instance = preset.scenario.services[0];
      if (instance) fork.apply({ type: 'crash', target: `${instance.id}-0` });
      fork.runUntil(70_000);
      original.runUntil(70_000);
      for (const simulation of [original, fork]) {
        const world = worldOf(simulation);
        for (const reference of sharedReferences(world)) found.add(reference);
        // Cancelled timers are forgotten when their entry leaves the heap.
        expect(world.queue.cancelledCount).toBeLessThanOrEqual(world.queue.size);
      }
    }
    expect([...found].filter((reference) => !SHARED_YET.has(reference)).sort()).toEqual([]);
    expect([...SHARED_YET].filter((reference) => !found.has(reference)).sort()).toEqual([]);
  });
});
