import { describe, expect, it } from 'vitest';
import { PRESETS, findPreset } from '../scenarios/presets';
import type { SharedRun } from './sharedRun';
import { MAX_WORK_TO_OPEN, workToReach } from './workToReach';

const checkout = findPreset('checkout')!.scenario;
const run = (playheadMs: number, interventions: SharedRun['interventions'] = []): SharedRun => ({
  scenario: checkout,
  interventions,
  playheadMs,
  selection: null,
  view: {},
});

describe('workToReach', () => {
  it('counts each order once, once per group reading orders, and again for the payment billing emits', () => {
    // 5 orders/s for 10 s; each: the append, inventory, billing, email, the payment and shipping.
    expect(workToReach(run(10_000))).toBe(50 * 6);
  });

  it('takes the highest rate, bursts and late services before the playhead into account', () => {
    const busy = run(10_000, [
      { type: 'setRate', producer: 'checkout', ratePerSec: 50, atMs: 1000 },
      { type: 'burst', producer: 'checkout', count: 100, atMs: 2000 },
      { type: 'addService', service: { id: 'fraud', subscribe: ['orders'] }, atMs: 3000 },
      { type: 'burst', producer: 'checkout', count: 1_000_000, atMs: 20_000 },
    ]);
    expect(workToReach(busy)).toBe((500 + 100) * 7);
  });

  it('lets every preset open at 5 minutes and checkout at half an hour, and stops a day-long link', () => {
    for (const preset of PRESETS) {
      expect(workToReach({ ...run(5 * 60_000), scenario: preset.scenario }), preset.id).toBeLessThan(MAX_WORK_TO_OPEN);
    }
    expect(workToReach(run(30 * 60_000))).toBeLessThan(MAX_WORK_TO_OPEN);
    expect(workToReach(run(24 * 3_600_000))).toBeGreaterThan(MAX_WORK_TO_OPEN);
  });
});
