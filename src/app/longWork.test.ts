/**
 * Long work's views: they follow a far seek while publishing is cheap, and wait for its end
 * when one publish is a long task (a scenario at the limits), the progress bar moving either way.
 * The wall clock is a manual one that advances by a fixed amount per reading, so "cheap" and
 * "long" do not depend on this machine.
 */
import { describe, expect, it } from 'vitest';
import { checkout } from '../scenarios/presets/checkout';
import { createLab } from './lab';

async function farSeek(msPerClockReading: number, seeks = 1) {
  let wall = 0;
  const lab = createLab({ scenario: checkout, presetId: 'checkout', wallClock: () => (wall += msPerClockReading) });
  for (let s = 1; s < seeks; s++) expect(await lab.seekInSlices(300_000 * s)).toBe('done');
  const viewTimes: number[] = [];
  const progress: number[] = [];
  lab.store.subscribe((state, previous) => {
    if (state.lab.work && state.sim.snapshot !== previous.sim.snapshot) viewTimes.push(state.sim.snapshot.nowMs);
    if (state.lab.work && state.lab.work.reachedMs !== previous.lab.work?.reachedMs) progress.push(state.lab.work.reachedMs);
  });
  const done = lab.seekInSlices(300_000 * seeks);
  expect(lab.store.getState().lab.work).toMatchObject({ targetMs: 300_000 * seeks });
  expect(await done).toBe('done');
  expect(lab.store.getState().sim.snapshot.nowMs).toBe(300_000 * seeks);
  expect(lab.store.getState().lab.work).toBeNull();
  return { lab, viewTimes, progress, endDrawn: lab.store.getState().sim.drawing };
}

describe('long work and the views', () => {
  it('publishes the run on the way while a publish is cheap', async () => {
    // The second far seek of the run: the first one found publishing cheap (one reading, 2 ms).
    const { viewTimes, progress, endDrawn } = await farSeek(2, 2);
    expect(viewTimes.some((t) => t > 300_000 && t < 600_000)).toBe(true);
    expect(progress.some((t) => t > 300_000 && t < 600_000)).toBe(true);
    expect(endDrawn).toBe('now');
  });

  it('lets the views wait for the end when one publish is a long task, the progress bar still moving', async () => {
    const { lab, viewTimes, progress, endDrawn } = await farSeek(40);
    expect(viewTimes.filter((t) => t > 0 && t < 300_000)).toEqual([]);
    expect(progress.some((t) => t > 0 && t < 300_000)).toBe(true);
    // Its end is drawn in the background (drawnValue.ts); the next publish at once again.
    expect(endDrawn).toBe('inBackground');
    lab.stepForward();
    expect(lab.store.getState().sim.drawing).toBe('now');
  });

  it('does not publish at the start of work when the last work showed publishing too dear to follow', async () => {
    // The second far seek of the run: the first one measured its publish (one reading, 40 ms).
    const { viewTimes, progress } = await farSeek(40, 2);
    expect(viewTimes).toEqual([]);
    expect(progress.some((t) => t > 300_000 && t < 600_000)).toBe(true);
  });
});

/**
 * A lab whose wall clock advances `fastMs` per reading, but `slowMs` inside engine calls while
 * `slow(calls)` holds (`calls`: engine calls made so far): engine work slowed as under V8's
 * marking steps, while publishing stays cheap, so only the slowed pace can hold the views back.
 */
function labWithSlowedEngine(fastMs: number, slowMs: number, slow: (calls: number) => boolean) {
  let wall = 0;
  let calls = 0;
  let inEngine = false;
  const lab = createLab({ scenario: checkout, presetId: 'checkout', wallClock: () => (wall += inEngine && slow(calls) ? slowMs : fastMs) });
  const live = lab.currentRun();
  const forward = live.forwardInSlices.bind(live);
  live.forwardInSlices = (...args) => {
    inEngine = true;
    try {
      return forward(...args);
    } finally {
      inEngine = false;
      calls++;
    }
  };
  return { lab, calls: () => calls };
}

/**
 * Plays `lab` for 80 frames (each asks for 2 s of virtual time within 10 ms of wall time), telling
 * `onFrame` each frame's number first; returns the frames whose publish reached the store.
 */
function playFrames(lab: ReturnType<typeof createLab>, onFrame: (frame: number) => void): number[] {
  let frame = 0;
  const published: number[] = [];
  lab.store.subscribe((state, previous) => {
    if (state.sim.snapshot !== previous.sim.snapshot) published.push(frame);
  });
  for (frame = 0; frame < 80; frame++) {
    onFrame(frame);
    lab.playTo(lab.currentSimulation().now + 2_000, 10);
  }
  return published;
}

/** Frames published before the slow ones and after them, and none during them. */
function expectPublishedOnlyOutside(slow: { from: number; to: number }, published: number[]): void {
  expect(published.some((f) => f < slow.from)).toBe(true);
  expect(published.some((f) => f >= slow.to)).toBe(true);
  expect(published.filter((f) => f >= slow.from && f < slow.to)).toEqual([]);
}

describe('long work while the engine runs slowed', () => {
  it('holds the views back while slices run far below their usual pace, and ends at its target', async () => {
    // Engine calls 300 to 319 read 20 times as much wall time per reading as the others.
    const slowCalls = { from: 300, to: 320 };
    const { lab, calls } = labWithSlowedEngine(2, 40, (c) => c >= slowCalls.from && c < slowCalls.to);
    /** The engine calls made by each publish the views saw. */
    const publishedAfterCalls: number[] = [];
    lab.store.subscribe((state, previous) => {
      if (state.lab.work && state.sim.snapshot !== previous.sim.snapshot) publishedAfterCalls.push(calls());
    });
    const done = lab.seekInSlices(300_000);
    expect(await done).toBe('done');
    expect(lab.store.getState().sim.snapshot.nowMs).toBe(300_000);
    expect(calls()).toBeGreaterThan(slowCalls.to + 100);
    // The views followed before the slow calls and after them; not once during them (the first
    // slow slice, up to 40 ms of wall time, is a call or a few: then the pace is known).
    expect(publishedAfterCalls.some((c) => c < slowCalls.from)).toBe(true);
    expect(publishedAfterCalls.some((c) => c > slowCalls.to + 10)).toBe(true);
    expect(publishedAfterCalls.filter((c) => c > slowCalls.from + 3 && c <= slowCalls.to)).toEqual([]);
  });

  it('holds playback publishing back while frames run far below their usual pace', () => {
    const slowFrames = { from: 40, to: 55 };
    let frame = 0;
    const { lab } = labWithSlowedEngine(1, 20, () => frame >= slowFrames.from && frame < slowFrames.to);
    expectPublishedOnlyOutside(slowFrames, playFrames(lab, (f) => (frame = f)));
  });

  it("gives up a frame's snapshot that runs past its budget, and publishes in a later frame", () => {
    // Snapshots in frames 40–49 read 30 ms per clock reading (as while V8 marks a large heap,
    // when one took 110–160 ms at the limits); every other reading takes 1 ms.
    const slowFrames = { from: 40, to: 50 };
    let frame = 0;
    let inSnapshot = false;
    let wall = 0;
    const lab = createLab({ scenario: checkout, presetId: 'checkout', wallClock: () => (wall += inSnapshot && frame >= slowFrames.from && frame < slowFrames.to ? 30 : 1) });
    const simulation = lab.currentSimulation();
    const trySnapshot = simulation.trySnapshot.bind(simulation);
    simulation.trySnapshot = (shouldGiveUp) => {
      inSnapshot = true;
      try {
        return trySnapshot(shouldGiveUp);
      } finally {
        inSnapshot = false;
      }
    };
    expectPublishedOnlyOutside(slowFrames, playFrames(lab, (f) => (frame = f)));
  });
});
