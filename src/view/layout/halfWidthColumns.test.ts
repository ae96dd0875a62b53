import { describe, expect, it } from 'vitest';
import { titleWidth } from './halfWidthColumns';
import { PIPE, pipelineLayout, type PipelineInput } from './pipeline';

const input: PipelineInput = {
  producers: [{ id: 'checkout', topic: 'orders', to: null }],
  topics: [
    { name: 'orders', partitions: 3 },
    { name: 'payments', partitions: 2 },
  ],
  groups: ['inventory', 'billing', 'fraud-check', 'shipping'].map((id) => ({ groupId: id, subscribe: ['orders'], instances: [`${id}-0`] })),
};

describe('a pipeline at half width (two runs side by side)', () => {
  // 1280 px wide: each run's region leaves the pipeline about 590 px.
  const layout = pipelineLayout(input, 590, false, true);

  it('makes each column as wide as its longest name needs, and fits the region', () => {
    expect(layout.width).toBe(590);
    expect(layout.producers['checkout']!.width).toBeGreaterThanOrEqual(titleWidth('checkout'));
    expect(layout.topics['payments']!.width).toBeGreaterThanOrEqual(titleWidth('payments'));
    expect(layout.readModels['fraud-check']!.width).toBeGreaterThanOrEqual(titleWidth("fraud-check's"));
    const service = layout.services['fraud-check']!;
    // The name has the header's first line to itself.
    expect(service.width).toBeGreaterThanOrEqual(titleWidth('fraud-check'));
    expect(layout.readModels['shipping']!.x + layout.readModels['shipping']!.width).toBeLessThanOrEqual(590);
    expect(service.x).toBeGreaterThan(layout.topics['orders']!.x + layout.topics['orders']!.width);
  });

  it("gives a service's header two lines, its instances below them; a full-width pipeline keeps one", () => {
    const service = layout.services['inventory']!;
    expect(service.header).toBe(PIPE.halfWidthHeader);
    expect(service.instanceY['inventory-0']).toBe(service.y + PIPE.halfWidthHeader + PIPE.instanceRow / 2);
    expect(layout.halfWidth).toBe(true);
    const full = pipelineLayout(input, 590);
    expect(full.services['inventory']!.header).toBe(PIPE.header);
    expect(full.halfWidth).toBeUndefined();
  });
});
