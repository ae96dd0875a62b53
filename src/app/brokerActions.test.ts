import { describe, expect, it } from 'vitest';
import { createSimulation, type SimSnapshot } from '../engine';
import { acksOneLosesData } from '../scenarios/presets/replicationPresets';
import { actionsFor } from './entityActions';

const keys = (snapshot: SimSnapshot, selection: string) => actionsFor(selection, snapshot)?.actions.map((a) => [a.key, a.command]);

describe("a broker's actions (context menu, keyboard, Brokers tab)", () => {
  it('crash and slow network for a running broker; start and restore once crashed and slowed', () => {
    const sim = createSimulation(acksOneLosesData);
    sim.runUntil(1000);
    expect(actionsFor('broker:0', sim.snapshot())).toMatchObject({ kind: 'broker', id: '0', title: 'broker 0' });
    expect(keys(sim.snapshot(), 'broker:0')).toEqual([
      ['c', { type: 'crashBroker', broker: 0 }],
      ['n', { type: 'delayNetwork', broker: 0, extraMs: 2000 }],
    ]);
    sim.runUntil(16_000);
    // The preset slowed broker 1 at 5 s and crashed broker 0 at 15 s.
    expect(keys(sim.snapshot(), 'broker:0')?.[0]).toEqual(['s', { type: 'startBroker', broker: 0 }]);
    expect(keys(sim.snapshot(), 'broker:1')?.[1]).toEqual(['n', { type: 'restoreNetwork', broker: 1 }]);
  });

  it('has no broker entity in a run without brokers, nor an id out of range', () => {
    const sim = createSimulation({ ...acksOneLosesData, brokers: 1, topics: [{ name: 'payments', partitions: 1 }] });
    expect(actionsFor('broker:0', sim.snapshot())).toBeNull();
    expect(actionsFor('broker:7', createSimulation(acksOneLosesData).snapshot())).toBeNull();
  });
});
