import { describe, expect, it } from 'vitest';
import { lanesShown, MAX_LANE_ROWS, MAX_LANES_PER_TOPIC } from './TopicLanes';
import { MAX_INSTANCE_ROWS, MAX_PARTITION_ROWS, pipelineLayout } from '../layout';

describe('how much a huge topology draws', () => {
  it('shows every lane of the presets, and at most 16 per topic and 192 rows (lanes and their groups) in all', () => {
    expect(lanesShown([3, 2], [false, false], [4, 1])).toEqual([3, 2]);
    const noReaders = lanesShown(Array(16).fill(64), Array(16).fill(false));
    expect(noReaders.slice(0, 13)).toEqual(Array(12).fill(MAX_LANES_PER_TOPIC).concat([0]));
    expect(noReaders.reduce((a, b) => a + b, 0)).toBe(MAX_LANE_ROWS);
    // At the limits each lane has 16 group rows under it: 11 lanes (187 rows) in all.
    const limits = lanesShown(Array(16).fill(64), Array(16).fill(false), Array(16).fill(16));
    expect(limits.slice(0, 2)).toEqual([11, 0]);
    expect(limits.reduce((a, b) => a + b, 0) * 17).toBeLessThanOrEqual(MAX_LANE_ROWS);
    // "Show all" on a topic draws all of it, whatever the budget says.
    expect(lanesShown([64, 64, 64, 64], [false, false, false, true])[3]).toBe(64);
  });

  it('draws at most 16 partition rows and 12 instance rows per node, with a row saying how many more', () => {
    const layout = pipelineLayout(
      {
        producers: [],
        topics: [{ name: 'wide', partitions: MAX_PARTITION_ROWS, hiddenPartitions: 48 }],
        groups: [{ groupId: 'big', subscribe: ['wide'], instances: Array.from({ length: MAX_INSTANCE_ROWS }, (_, i) => `big-${i}`), hiddenInstances: 20 }],
      },
      1000,
    );
    expect(layout.topics['wide']!.partitionY).toHaveLength(16);
    expect(layout.topics['wide']!.hiddenPartitions).toBe(48);
    expect(Object.keys(layout.services['big']!.instanceY)).toHaveLength(12);
    const plain = pipelineLayout({ producers: [], topics: [{ name: 'wide', partitions: 16 }], groups: [] }, 1000);
    // One more row for "+48 more partitions".
    expect(layout.topics['wide']!.height - plain.topics['wide']!.height).toBe(24);
  });
});
