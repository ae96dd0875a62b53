import { describe, expect, it } from 'vitest';
import type { LogRecord } from './record';
import { Segment } from './segment';

function record(offset: number, sizeBytes: number): LogRecord {
  return Object.freeze({ offset, key: null, eventType: 'E', payload: null, timestampMs: offset, sizeBytes, producer: 'p', eventId: `p#${offset}`, produceSeq: offset });
}

describe('Segment sizes (what a fetch sums without reading records)', () => {
  const sizes = [80, 120, 95, 300];
  const filled = () => {
    const segment = new Segment(10);
    sizes.forEach((size, i) => segment.append(record(10 + i, size)));
    return segment;
  };

  it("gives each record's size while active, in columns, frozen, truncated and compacted", () => {
    const active = filled();
    expect(sizes.map((_, i) => active.sizeAt(i))).toEqual(sizes);
    const columnar = filled();
    columnar.seal(true);
    expect(sizes.map((_, i) => columnar.sizeAt(i))).toEqual(sizes);
    const frozen = filled();
    frozen.seal(false);
    expect(sizes.map((_, i) => frozen.sizeAt(i))).toEqual(sizes);
    const truncated = filled();
    truncated.truncateTo(12);
    expect([truncated.recordCount, truncated.sizeAt(0), truncated.sizeAt(1)]).toEqual([2, 80, 120]);
    truncated.append(record(12, 55));
    expect(truncated.sizeAt(2)).toBe(55);
    const compacted = filled();
    compacted.seal(false);
    compacted.replaceRecords([record(11, 120), record(13, 300)]);
    expect([compacted.sizeAt(0), compacted.sizeAt(1), compacted.sizeBytes]).toEqual([120, 300, 420]);
  });
});
