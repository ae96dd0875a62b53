import { describe, expect, it } from 'vitest';
import { checkout } from '../scenarios/presets/checkout';
import { LiveRun } from './liveRun';
import { previousChangeMs, stepToNextChange, visibleSignature } from './stepping';

describe('stepToNextChange', () => {
  it('stops at the first moment the views would change, not at heartbeats', () => {
    const run = new LiveRun(checkout);
    run.seek(5_000);
    const before = visibleSignature(run.simulation.snapshot());
    const t = stepToNextChange(run);
    expect(t).toBeGreaterThan(5_000);
    expect(visibleSignature(run.simulation.snapshot())).not.toBe(before);
    // One millisecond earlier nothing had changed yet.
    const earlier = new LiveRun(checkout);
    earlier.seek(t - 1);
    expect(visibleSignature(earlier.simulation.snapshot())).toBe(before);
  });

  it('never jumps over an intervention', () => {
    const run = new LiveRun({ ...checkout, producers: [{ ...checkout.producers[0]!, ratePerSec: 0.01 }] }, [
      { atMs: 4_321, type: 'slow', target: 'email-0', factor: 2 },
    ]);
    run.seek(4_000);
    let t = run.now;
    while (t < 4_321) t = stepToNextChange(run);
    expect(t).toBe(4_321);
  });

  it('is bounded when nothing visible happens', () => {
    const quiet = { ...checkout, producers: [{ ...checkout.producers[0]!, ratePerSec: 0.001 }] };
    const run = new LiveRun(quiet);
    run.seek(30_000);
    expect(stepToNextChange(run, { maxJumpMs: 2_000 })).toBeLessThanOrEqual(32_000);
  });
});

describe('previousChangeMs', () => {
  it('finds the latest append, commit, explanation or intervention strictly before now', () => {
    const run = new LiveRun(checkout);
    run.seek(10_000);
    const t = stepToNextChange(run);
    const previous = previousChangeMs(t, run.simulation.snapshot(), run.simulation.events(), []);
    expect(previous).toBeLessThan(t);
    expect(previous).toBeGreaterThan(9_000);
    expect(previousChangeMs(t, run.simulation.snapshot(), run.simulation.events(), [t - 1])).toBe(t - 1);
  });
});
