import { describe, expect, it } from 'vitest';
import type { GroupView, PartitionView } from '../../engine';
import { lagWords, offsetWords, partitionLag } from './partitionLag';

const partition = { topic: 'orders', partition: 0, logStartOffset: 0, logEndOffset: 45, highWatermark: 45 } as PartitionView;

function group(committed: number | null, owner: { position: number } | null): GroupView {
  const instances = owner ? [{ name: 'billing-0', assignment: ['orders-0'], positions: { 'orders-0': owner.position } }] : [];
  const members = owner ? [{ memberId: 'billing-0-1', instance: 'billing-0', owned: [], assignment: ['orders-0'] }] : [];
  return { committed: committed === null ? {} : { 'orders-0': committed }, instances, members } as unknown as GroupView;
}

describe('the two backlogs of a partition', () => {
  it("names Kafka's lag (from the commit) beside the records to process (from the position)", () => {
    const figures = partitionLag(group(40, { position: 45 }), partition);
    expect(figures).toEqual({ committed: 40, lag: 5, position: 45, toProcess: 0 });
    expect(offsetWords(figures)).toBe('committed 40 · lag 5 · 0 to process');
  });

  it('counts from the committed offset while nobody owns the partition: the next owner starts there', () => {
    const figures = partitionLag(group(26, null), partition);
    expect(figures).toEqual({ committed: 26, lag: 19, position: null, toProcess: 19 });
    expect(lagWords(figures)).toBe('lag 19 · 19 to process');
  });

  it('says "no commit yet" before the first commit, with what the owner has still to process', () => {
    expect(offsetWords(partitionLag(group(null, { position: 30 }), partition))).toBe('no commit yet · 15 to process');
    expect(offsetWords(partitionLag(group(null, null), partition))).toBe('no commit yet');
  });
});
