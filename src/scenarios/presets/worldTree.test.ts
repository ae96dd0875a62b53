/**
 * "World as plain data" (issue 19): walks the World of every preset, after virtual time, a fork
 * and a crash applied to the fork, and finds no mutable (non-frozen) object reached by a second
 * path. Frozen facts (records, specs, resolved configs, assignments, CowMap bases) may be shared
 * (engine/frozen.ts); queued events are plain data and parts keep only ids (engine/eventQueue.ts)
 * or are passed the context they run in. This is what lets a fork be a plain structural copy
 * (engine/deepClone.ts): a second reference would become two objects in the copy, and the
 * original and its fork must share no mutable object at all.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine';
import { worldOf } from '../../engine/testing/worldOf';
import { PRESETS } from './index';

/** Every second reference to a mutable object reachable from `root`, as `Owner.field -> Target`. */
function sharedReferences(root: object, seen = new Set<object>()): Set<string> {
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
    const sharedWithFork = new Set<string>();
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
      // Walking the fork after the original, with the original's objects as already seen, finds
      // every mutable object the two share.
      const seen = new Set<object>();
      sharedReferences(worldOf(original), seen);
      for (const reference of sharedReferences(worldOf(fork), seen)) sharedWithFork.add(`${preset.id}: ${reference}`);
    }
    expect([...found].sort()).toEqual([]);
    expect([...sharedWithFork].sort()).toEqual([]);
  });
});
