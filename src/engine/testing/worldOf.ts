/**
 * The world behind a simulation, for engine tests, the fuzzer and benchmarks that check
 * invariants or look inside. Not part of the public surface: `Simulation` has no `world`.
 */
import type { World } from '../world';

const worlds = new WeakMap<object, World>();

/** Called by the simulation for itself and every fork. */
export function registerWorld(simulation: object, world: World): void {
  worlds.set(simulation, world);
}

export function worldOf(simulation: object): World {
  const world = worlds.get(simulation);
  if (world === undefined) throw new Error('not a simulation made by createSimulation');
  return world;
}
