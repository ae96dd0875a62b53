import { describe, expect, it } from 'vitest';
import { canvasWindowTop, fitText, linkPoint, pipelineLayout, travelHalfMs, type Box } from './pipeline';

const input = {
  producers: [{ id: 'checkout', topic: 'orders', to: null }],
  topics: [
    { name: 'orders', partitions: 3 },
    { name: 'payments', partitions: 2 },
  ],
  groups: [
    { groupId: 'shipping', subscribe: ['payments'], instances: ['shipping-0'] },
    { groupId: 'inventory', subscribe: ['orders'], instances: ['inventory-0', 'inventory-1'] },
    { groupId: 'email', subscribe: ['orders'], instances: ['email-0'] },
  ],
};

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('pipelineLayout', () => {
  const layout = pipelineLayout(input, 900);
  const boxes = [...Object.values(layout.producers), ...Object.values(layout.topics), ...Object.values(layout.services), ...Object.values(layout.readModels)];

  it('on a short screen sits rows closer, gives read models one-line names a wider column, and still overlaps nothing', () => {
    const compact = pipelineLayout(input, 900, true);
    expect(compact.height).toBeLessThan(layout.height);
    expect(compact.readModels['email']!.width).toBeGreaterThan(layout.readModels['email']!.width);
    const all = [...Object.values(compact.producers), ...Object.values(compact.topics), ...Object.values(compact.services), ...Object.values(compact.readModels)];
    for (let i = 0; i < all.length; i++) {
      expect(all[i]!.y + all[i]!.height).toBeLessThanOrEqual(compact.height);
      for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!, all[j]!), `${i} vs ${j}`).toBe(false);
    }
  });

  it('never stacks a calling client (no topic, no command target) on a producer placed beside its topic', () => {
    const mixed = pipelineLayout(
      { ...input, producers: [{ id: 'shop-calls', topic: null, to: null }, { id: 'shop-events', topic: 'orders', to: null }] },
      900,
    );
    expect(overlaps(mixed.producers['shop-calls']!, mixed.producers['shop-events']!)).toBe(false);
    expect(mixed.height).toBeGreaterThanOrEqual(mixed.producers['shop-events']!.y + mixed.producers['shop-events']!.height);
  });

  it('places columns left to right: producers, topics, services, read models', () => {
    expect(layout.producers['checkout']!.x + layout.producers['checkout']!.width).toBeLessThan(layout.topics['orders']!.x);
    expect(layout.topics['orders']!.x + layout.topics['orders']!.width).toBeLessThan(layout.services['email']!.x);
    expect(layout.services['email']!.x + layout.services['email']!.width).toBeLessThan(layout.readModels['email']!.x);
  });

  it('never overlaps two nodes and keeps everything inside the drawing', () => {
    for (let i = 0; i < boxes.length; i++) {
      const box = boxes[i]!;
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(box, boxes[j]!), `${i} vs ${j}`).toBe(false);
    }
  });

  it('orders services by the topic they read, so orders readers come before payments readers', () => {
    expect(layout.services['inventory']!.y).toBeLessThan(layout.services['shipping']!.y);
    expect(layout.services['email']!.y).toBeLessThan(layout.services['shipping']!.y);
  });

  it('gives every partition and every instance its own row', () => {
    expect(layout.topics['orders']!.partitionY).toHaveLength(3);
    const ys = Object.values(layout.services['inventory']!.instanceY);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(20);
  });
});

describe('linkPoint', () => {
  it('starts at the source, ends at the target and passes the midpoint', () => {
    expect(linkPoint([0, 0], [100, 50], 0)).toEqual([0, 0]);
    expect(linkPoint([0, 0], [100, 50], 1)).toEqual([100, 50]);
    expect(linkPoint([0, 0], [100, 50], 0.5)).toEqual([50, 25]);
  });
});

describe('travelHalfMs', () => {
  it('grows with speed within bounds', () => {
    expect(travelHalfMs(0.1)).toBe(150);
    expect(travelHalfMs(1)).toBe(400);
    expect(travelHalfMs(100)).toBe(4000);
  });
});

describe('fitText', () => {
  it('keeps short text and cuts long text with an ellipsis', () => {
    expect(fitText('orders', 100)).toBe('orders');
    expect(fitText('PlaceOrder → checkout', 100)).toBe('PlaceOrder →…');
  });
});

describe('command-handling services', () => {
  it('come first: they are upstream of the topics they emit to', () => {
    const layout = pipelineLayout({ ...input, groups: [...input.groups, { groupId: 'checkout', subscribe: [], instances: ['checkout-0'] }] }, 900);
    expect(layout.services['checkout']!.y).toBeLessThan(layout.services['inventory']!.y);
  });
});

describe('the flow canvas over a tall diagram', () => {
  it('covers the part on screen, inside the diagram', () => {
    expect(canvasWindowTop(120, 8000, 1600)).toBe(0);
    expect(canvasWindowTop(-2500, 8000, 1600)).toBe(2500);
    expect(canvasWindowTop(-7900, 8000, 1600)).toBe(6400);
  });
});
