import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine';
import { findPreset } from '.';

function fingerprintAt(presetId: string, atMs: number, topic = 'orders', chunkMs = atMs) {
  const simulation = createSimulation(findPreset(presetId)!.scenario);
  for (let t = chunkMs; t < atMs; t += chunkMs) simulation.runUntil(t);
  simulation.runUntil(atMs);
  return simulation.topicFingerprint(topic);
}

describe('topicFingerprint', () => {
  it('is the same for the same records, however the run was chunked', () => {
    const whole = fingerprintAt('checkout', 30_000);
    expect(whole).toEqual(fingerprintAt('checkout', 30_000, 'orders', 777));
    expect(whole?.records).toBeGreaterThan(100);
    expect(whole?.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is unchanged by a consumer added later: fraud-check reads orders without changing them', () => {
    expect(fingerprintAt('late-fraud-check', 90_000)).toEqual(fingerprintAt('checkout', 90_000));
  });

  it('changes when the records differ', () => {
    expect(fingerprintAt('checkout', 30_000)!.hash).not.toBe(fingerprintAt('checkout', 31_000)!.hash);
    expect(fingerprintAt('checkout', 30_000)!.hash).not.toBe(fingerprintAt('email-outage', 30_000, 'payments')!.hash);
  });

  it('answers null for a topic the run does not have', () => {
    expect(fingerprintAt('checkout', 0, 'nope')).toBeNull();
  });
});
