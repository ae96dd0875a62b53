/**
 * The app's frame loop: wall time × speed becomes a target virtual time, and the engine runs
 * toward it for at most a share of the frame. One frame's step is capped, so a background tab
 * or a slow frame never asks the engine for minutes of work at once, and a run heavier than the
 * chosen speed allows simply plays slower: the page keeps answering. Pause stops advancing.
 */
import type { Lab } from './lab';
import { effectiveSpeed } from './slowMotion';

/** The largest wall-clock step one frame may turn into virtual time. */
const MAX_FRAME_WALL_MS = 100;
/** Wall time the engine may use in one frame (of about 16 ms at 60 Hz). */
const ENGINE_MS_PER_FRAME = 10;

/** What the loop drives: a lab, or a comparison of two (comparisonHost.ts). */
export type FrameTarget = Pick<Lab, 'runScheduledSeek' | 'store' | 'playTo'> & { currentSimulation(): { now: number } };

/** Drives `lab` from animation frames until the returned function is called. */
export function startFrameLoop(lab: FrameTarget): () => void {
  let lastWallMs: number | null = null;
  let carryMs = 0;
  let handle = 0;
  const frame = (wallMs: number): void => {
    // Nothing the engine or a view throws may stop the loop: the run controller catches engine
    // errors (and says what happened); this keeps the next frame coming whatever else happens.
    try {
      lab.runScheduledSeek();
      const { playing, speed, slowUntilMs } = lab.store.getState().playback;
      if (playing && lastWallMs !== null) {
        const wallStep = Math.min(MAX_FRAME_WALL_MS, Math.max(0, wallMs - lastWallMs));
        const virtualStep = wallStep * effectiveSpeed(speed, lab.currentSimulation().now, slowUntilMs) + carryMs;
        const whole = Math.floor(virtualStep);
        carryMs = virtualStep - whole;
        if (whole > 0) lab.playTo(lab.currentSimulation().now + whole, ENGINE_MS_PER_FRAME);
      } else {
        carryMs = 0;
      }
    } finally {
      lastWallMs = wallMs;
      handle = requestAnimationFrame(frame);
    }
  };
  handle = requestAnimationFrame(frame);
  return () => cancelAnimationFrame(handle);
}
