import { CowMap } from './cowMap';

/**
 * Deep copy of a simulation's object graph, for checkpoints and forks. Identity and cycles are
 * preserved (two references to one object stay two references to one copy), classes keep their
 * prototypes, Maps and Sets are rebuilt. Frozen objects (records, explanations) never change,
 * so both copies share them; functions and typed arrays are treated as immutable and shared.
 *
 * The engine keeps no state in closures so that this copy is complete.
 *
 * The identity map is still needed: parts still hold the context they run in and each other
 * (the references worldTree.test.ts in scenarios/presets lists). Queued events, timers, fetch
 * waiters and the cluster's producers are ids already, and frozen facts are shared (frozen.ts);
 * once that list is empty, a fork is a plain structural copy without this map.
 */
export function deepClone<T>(root: T): T {
  const copies = new Map<object, unknown>();

  function copy(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
    const existing = copies.get(value);
    if (existing !== undefined) return existing;
    if (value instanceof CowMap) {
      // Its own copy shares the frozen layers (cowMap.ts); its values are primitives or frozen.
      const out = (value as CowMap<unknown, unknown>).copy();
      copies.set(value, out);
      return out;
    }
    if (Array.isArray(value)) {
      // Native slice first; then replace only the elements that are mutable objects.
      const out = value.slice();
      copies.set(value, out);
      for (let i = 0; i < out.length; i++) {
        const item: unknown = out[i];
        if (typeof item === 'object' && item !== null) out[i] = copy(item);
      }
      return out;
    }
    if (value instanceof Map) {
      // Native copy first (fast for the large string → number tables); then fix up entries
      // whose value is a mutable object. Keys are strings or shared objects in the engine.
      const out = new Map(value as Map<unknown, unknown>);
      copies.set(value, out);
      for (const [key, item] of out) {
        if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) out.set(key, copy(item));
      }
      return out;
    }
    if (value instanceof Set) {
      const out = new Set<unknown>();
      copies.set(value, out);
      for (const item of value) out.add(copy(item));
      return out;
    }
    const out = Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>;
    copies.set(value, out);
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const item = (value as Record<string, unknown>)[key];
      out[key] = typeof item === 'object' && item !== null ? copy(item) : item;
    }
    return out;
  }

  return copy(root) as T;
}
