import { CowMap } from './cowMap';
import { ChunkedTable } from './chunkedTable';
import { CowList, CowNumbers } from './cowChunks';
import { KeySlots } from './log/keySlots';
import { OrderKeyTable } from './service/orderKeyTable';

/**
 * Deep copy of a simulation's World, for checkpoints and forks. The World is a tree of mutable
 * state: no mutable object is reachable by two paths (parts are passed the context they run in,
 * queued events, timers and members hold ids, batches and fetches name partitions by topic and
 * index), which worldTree.test.ts in scenarios/presets checks for every preset, before and after
 * a fork. So the copy is a plain structural one: no identity map, no cycle handling.
 *
 * Frozen objects (records, specs, explanations, CowMap layers, ChunkedTable chunks) never change, so both copies share
 * them; typed arrays are treated as immutable and shared (the order checker's tables keep typed
 * arrays that change, and copy them through their own `copy`, cowChunks.ts); classes keep their prototypes; Maps
 * and Sets are rebuilt. The engine keeps no state in closures, so the copy is complete.
 */
export function deepClone<T>(root: T): T {
  return copy(root) as T;
}

function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  // Its own copy shares the frozen layers (cowMap.ts); its values are primitives or frozen.
  if (value instanceof CowMap) return (value as CowMap<unknown, unknown>).copy();
  // Its own copy freezes and shares every chunk (chunkedTable.ts).
  if (value instanceof ChunkedTable) return (value as ChunkedTable<unknown>).copy();
  // The per-key order checker's tables: their copies share chunks (log/keySlots.ts, service/orderKeyTable.ts).
  if (value instanceof KeySlots) return value.copy();
  if (value instanceof OrderKeyTable) return value.copy();
  // Their chunks: typed arrays marked as owned, which a structural copy would share and still write.
  if (value instanceof CowNumbers) return value.copy();
  if (value instanceof CowList) return (value as CowList<unknown>).copy();
  if (Array.isArray(value)) {
    // Native slice first; then replace only the elements that are mutable objects.
    const out = value.slice();
    for (let i = 0; i < out.length; i++) {
      const item: unknown = out[i];
      if (typeof item === 'object' && item !== null) out[i] = copy(item);
    }
    return out;
  }
  if (value instanceof Map) return copyMap(value as Map<unknown, unknown>);
  if (value instanceof Set) {
    const out = new Set<unknown>();
    for (const item of value) out.add(copy(item));
    return out;
  }
  const out = Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const item = (value as Record<string, unknown>)[key];
    out[key] = typeof item === 'object' && item !== null ? copy(item) : item;
  }
  return out;
}

/**
 * Native copy first (fast for the large string → number tables); then, in place and in order,
 * the entries whose value is a mutable object get their copy. Keys are strings, numbers or frozen
 * objects in the engine; a mutable key would be shared by both maps, so the map is rebuilt then.
 */
function copyMap(value: Map<unknown, unknown>): Map<unknown, unknown> {
  const out = new Map(value);
  for (const [key, item] of out) {
    if (typeof key === 'object' && key !== null && !Object.isFrozen(key)) {
      return new Map([...value].map(([k, v]) => [copy(k), copy(v)]));
    }
    if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) out.set(key, copy(item));
  }
  return out;
}
