import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../log/record';
import { clearBatch, emptyBatch, offsetsAfter, rewindToUnprocessed, runAt, startRun } from './batch';

function record(offset: number): LogRecord {
  return { offset, key: `k${offset}`, eventType: 'E', payload: null, timestampMs: 0, sizeBytes: 80, producer: 'p', eventId: `p#${offset}`, produceSeq: offset };
}

/** A batch of two runs: orders-0 offsets 5–7, then orders-1 offsets 10–11. */
function twoRuns() {
  const batch = emptyBatch();
  startRun(batch, 'orders', 0, 'orders-0');
  for (const offset of [5, 6, 7]) batch.records.push(record(offset));
  startRun(batch, 'orders', 1, 'orders-1');
  for (const offset of [10, 11]) batch.records.push(record(offset));
  return batch;
}

describe('Batch runs', () => {
  it("finds each record's partition by its run", () => {
    const batch = twoRuns();
    expect([0, 1, 2, 3, 4].map((i) => batch.runKeys[runAt(batch, i)])).toEqual(['orders-0', 'orders-0', 'orders-0', 'orders-1', 'orders-1']);
    expect(batch.runPartitions[runAt(batch, 4)]).toBe(1);
  });

  it("commits one past each partition's last record, partitions in batch order", () => {
    expect([...offsetsAfter(twoRuns())]).toEqual([
      ['orders-0', 8],
      ['orders-1', 12],
    ]);
  });

  it('rewinds each partition to its first record not processed yet', () => {
    const batch = twoRuns();
    const positions = () => new Map([['orders-0', 8], ['orders-1', 12], ['orders-2', 3]]);
    batch.index = 2;
    expect([...rewindToUnprocessed(positions(), batch)]).toEqual([['orders-0', 7], ['orders-1', 10], ['orders-2', 3]]);
    batch.index = 4;
    expect([...rewindToUnprocessed(positions(), batch)]).toEqual([['orders-0', 8], ['orders-1', 11], ['orders-2', 3]]);
    batch.index = 5;
    expect([...rewindToUnprocessed(positions(), batch)]).toEqual([['orders-0', 8], ['orders-1', 12], ['orders-2', 3]]);
  });

  it('is emptied whole for the next poll', () => {
    const batch = twoRuns();
    runAt(batch, 4);
    clearBatch(batch);
    expect(batch).toEqual(emptyBatch());
  });
});
