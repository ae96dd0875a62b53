/**
 * Deep copy of a simulation's object graph, for checkpoints and forks. Identity and cycles are
 * preserved (two references to one object stay two references to one copy), classes keep their
 * prototypes, Maps and Sets are rebuilt. Frozen objects (records, explanations) never change,
 * so both copies share them; functions and typed arrays are treated as immutable and shared.
 *
 * The engine keeps no state in closures so that this copy is complete.
 */
export function deepClone<T>(root: T): T {
  const copies = new Map<object, unknown>();

  function copy(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
    const existing = copies.get(value);
    if (existing !== undefined) return existing;
    if (Array.isArray(value)) {
      const out: unknown[] = new Array(value.length);
      copies.set(value, out);
      for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
      return out;
    }
    if (value instanceof Map) {
      const out = new Map();
      copies.set(value, out);
      for (const [key, item] of value) out.set(copy(key), copy(item));
      return out;
    }
    if (value instanceof Set) {
      const out = new Set();
      copies.set(value, out);
      for (const item of value) out.add(copy(item));
      return out;
    }
    const out = Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>;
    copies.set(value, out);
    for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
    return out;
  }

  return copy(root) as T;
}
