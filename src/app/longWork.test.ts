/**
 * Long work's views: they follow a far seek while publishing is cheap, and wait for its end
 * when one publish is a long task (a scenario at the limits), the progress bar moving either way.
 * The wall clock is a manual one that advances by a fixed amount per reading, so "cheap" and
 * "long" do not depend on this machine.
 */
import { describe, expect, it } from 'vitest';
import { checkout } from '../scenarios/presets/checkout';
import { createLab } from './lab';

async function farSeek(msPerClockReading: number) {
  let wall = 0;
  const lab = createLab({ scenario: checkout, presetId: 'checkout', wallClock: () => (wall += msPerClockReading) });
  const viewTimes: number[] = [];
  const progress: number[] = [];
  lab.store.subscribe((state, previous) => {
    if (state.lab.work && state.sim.snapshot !== previous.sim.snapshot) viewTimes.push(state.sim.snapshot.nowMs);
    if (state.lab.work && state.lab.work.reachedMs !== previous.lab.work?.reachedMs) progress.push(state.lab.work.reachedMs);
  });
  const done = lab.seekInSlices(300_000);
  expect(lab.store.getState().lab.work).toMatchObject({ targetMs: 300_000 });
  expect(await done).toBe('done');
  expect(lab.store.getState().sim.snapshot.nowMs).toBe(300_000);
  expect(lab.store.getState().lab.work).toBeNull();
  return { viewTimes, progress };
}

describe('long work and the views', () => {
  it('publishes the run on the way while a publish is cheap', async () => {
    const { viewTimes, progress } = await farSeek(5);
    expect(viewTimes.some((t) => t > 0 && t < 300_000)).toBe(true);
    expect(progress.some((t) => t > 0 && t < 300_000)).toBe(true);
  });

  it('lets the views wait for the end when one publish is a long task, the progress bar still moving', async () => {
    const { viewTimes, progress } = await farSeek(40);
    expect(viewTimes.filter((t) => t > 0 && t < 300_000)).toEqual([]);
    expect(progress.some((t) => t > 0 && t < 300_000)).toBe(true);
  });
});
