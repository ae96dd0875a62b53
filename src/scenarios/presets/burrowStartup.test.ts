// Burrow's status for healthy groups at startup, on the real checkout preset: each commit's lag
// is measured against the last sampled high watermark, so nothing looks stalled.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine';
import { checkout } from './checkout';

describe('Burrow at startup', () => {
  it('keeps every group of the checkout preset OK throughout its first 60 s', () => {
    const sim = createSimulation(checkout, { checkInvariants: true });
    const services = checkout.services.map((service) => service.id);
    const notOk: string[] = [];
    for (let t = 1000; t <= 60_000; t += 1000) {
      sim.runUntil(t);
      for (const id of services) {
        const status = sim.health(id)!.status;
        if (status !== 'OK') notOk.push(`${t} ${id} ${status}`);
      }
    }
    expect(notOk).toEqual([]);
    for (const id of services) {
      const history = sim.lagHistory(id);
      expect(history).toHaveLength(60);
      expect(history.filter((sample) => sample.status !== 'OK')).toEqual([]);
    }
  });
});
