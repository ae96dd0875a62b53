import { describe, expect, it } from 'vitest';
import type { GroupView, PartitionView } from '../../engine';
import { laneAnchors, LOST_IN_VIEW_MS, STALLED_COMMIT_MS } from './laneAnchors';

const partition = (logStartOffset = 0) => ({ topic: 'orders', partition: 0, logStartOffset, logEndOffset: 500, highWatermark: 500 }) as PartitionView;

function group(committed: number, committedAtMs: number, owner: { position: number } | null): { group: GroupView } {
  const instances = owner ? [{ name: 'email-0', assignment: ['orders-0'], positions: { 'orders-0': owner.position } }] : [];
  const members = owner ? [{ memberId: 'email-0-1', instance: 'email-0', owned: [], assignment: ['orders-0'] }] : [];
  return { group: { committed: { 'orders-0': committed }, committedAtMs: { 'orders-0': committedAtMs }, instances, members } as unknown as GroupView };
}

describe('laneAnchors', () => {
  it("keeps a running owner's position but not a committed offset it renewed recently (auto-commit trailing)", () => {
    expect(laneAnchors(partition(), [group(460, 98_000, { position: 499 })], 100_000)).toEqual([499]);
  });

  it('keeps a committed offset that stopped moving: no owner (a crash), or no commit for a while', () => {
    expect(laneAnchors(partition(), [group(26, 17_000, null)], 30_000)).toEqual([26]);
    expect(laneAnchors(partition(), [group(26, 17_000, { position: 98 })], 17_000 + STALLED_COMMIT_MS + 1)).toEqual([98, 26]);
  });

  it('shows offsets retention deleted at the log start', () => {
    expect(laneAnchors(partition(480), [group(440, 0, null)], 60_000)).toEqual([480, 480]);
  });

  it('keeps the start of records acknowledged then lost in view for a while after the cut', () => {
    const lossy = { ...partition(), ackedThenLost: [{ fromOffset: 50, toOffset: 399, atMs: 17_000, leaderEpoch: 1 }] } as PartitionView;
    expect(laneAnchors(lossy, [], 17_000 + LOST_IN_VIEW_MS - 1)).toEqual([50]);
    expect(laneAnchors(lossy, [], 17_000 + LOST_IN_VIEW_MS)).toEqual([]);
  });
});
