import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';
import { worldOf } from '../testing/worldOf';
import { ColumnarLagSample, LagColumnsBuilder, type LagColumns } from './lagSample';

function columns(previous: LagColumns | null, rows: Array<[string, number | null, number | null, number]>): LagColumns {
  const builder = new LagColumnsBuilder(previous);
  for (const [key, committed, position, behind] of rows) builder.add(key, committed, position, behind);
  return builder.finish();
}

describe('a lag sample in columns', () => {
  it('gives back each partition as it was measured, null lags included, in the order measured', () => {
    const sample = new ColumnarLagSample(3000, columns(null, [['orders-1', 5, null, 40], ['orders-0', null, 0, 0]]), { seconds: 0.04, records: 5 }, 'OK', 'OK');
    expect(Object.keys(sample.partitions)).toEqual(['orders-1', 'orders-0']);
    expect(sample.partitions['orders-1']).toEqual({ committedLag: 5, positionLag: null, behindMs: 40 });
    expect(sample.partitions['orders-0']).toEqual({ committedLag: null, positionLag: 0, behindMs: 0 });
    // Made once, then the same object.
    expect(sample.partitions).toBe(sample.partitions);
    expect(JSON.parse(JSON.stringify(sample))).toEqual({ atMs: 3000, partitions: sample.partitions, staleness: { seconds: 0.04, records: 5 }, status: 'OK', burrowStatus: 'OK' });
  });

  it('is frozen, down to its per-partition objects', () => {
    const sample = new ColumnarLagSample(1000, columns(null, [['orders-0', 1, 1, 0]]), { seconds: 0, records: 1 }, 'WARN', 'WARN');
    expect(Object.isFrozen(sample)).toBe(true);
    expect(Object.isFrozen(sample.staleness)).toBe(true);
    expect(Object.isFrozen(sample.partitions)).toBe(true);
    expect(Object.isFrozen(sample.partitions['orders-0'])).toBe(true);
  });

  it('reuses the previous keys and every column that did not change, and nothing that did', () => {
    const first = columns(null, [['a-0', 1, 1, 0], ['a-1', 2, 2, 0]]);
    const same = columns(first, [['a-0', 1, 1, 0], ['a-1', 2, 2, 0]]);
    expect(same.keys).toBe(first.keys);
    expect(same.committedLag).toBe(first.committedLag);
    expect(same.behindMs).toBe(first.behindMs);
    const moved = columns(same, [['a-0', 1, 0, 0], ['a-1', 2, 2, 0]]);
    expect(moved.committedLag).toBe(first.committedLag);
    expect(moved.positionLag).not.toBe(first.positionLag);
    expect([...moved.positionLag]).toEqual([0, 2]);
    // A partition added (a topic grew): new keys, new columns.
    const grown = columns(moved, [['a-0', 1, 0, 0], ['a-1', 2, 2, 0], ['a-2', 0, 0, 0]]);
    expect(grown.keys).toEqual(['a-0', 'a-1', 'a-2']);
    expect(grown.committedLag).not.toBe(first.committedLag);
    const renamed = columns(grown, [['a-0', 1, 0, 0], ['b-0', 2, 2, 0]]);
    expect(renamed.keys).toEqual(['a-0', 'b-0']);
  });

  it('agrees in a run with a measurement made now and with the committed offsets', () => {
    const sim = createSimulation(orderScenario(), { checkInvariants: true });
    sim.runUntil(12_000);
    const world = worldOf(sim);
    const history = sim.lagHistory('inventory');
    expect(history.length).toBe(12);
    const latest = history.at(-1)!;
    // The sample at this instant was taken by the engine: measuring again now agrees with it.
    const now = world.lag.measureNow(world, world.services.get('inventory')!);
    expect(now).toEqual({ staleness: latest.staleness, status: latest.status, burrowStatus: latest.burrowStatus });
    const orders = world.topics.get('orders')!;
    const group = world.services.get('inventory')!.group;
    for (const log of orders.partitions) {
      const committed = group.committed.get(log.key)?.offset ?? null;
      expect(latest.partitions[log.key]!.committedLag).toBe(committed === null ? null : Math.max(0, log.highWatermark - committed));
    }
  });
});
