/**
 * Facts that never change once the engine has them: a part's spec from the scenario, its
 * resolved configs, an assignment the coordinator handed out. They are deeply frozen, so every
 * part (and every fork of the world) may share them: the world's mutable state stays a tree
 * (fork.test.ts walks it) while frozen facts are shared, never copied.
 */

/** Freezes `value` and everything it holds; returns it. For plain data (no class instances). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

/** A deeply frozen copy of plain scenario data, so the caller's object is left as it was. */
export function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}

/**
 * A writable copy of a frozen array, for copy-on-write tables that thaw a shared chunk before
 * writing it. Not `slice`: on a frozen array V8 takes a generic slow path, 20–50× slower than
 * spreading it (doc/benchmarks.md, session 13); a spread turns holes into `undefined`, which
 * every caller reads the same way.
 */
export function thawedCopy<T>(frozen: readonly T[]): T[] {
  return [...frozen];
}
