/**
 * The app's frame loop: wall time × speed becomes a target virtual time, and the engine runs
 * until then. One frame's step is capped, so a background tab or a slow frame never asks the
 * engine for minutes of work at once. Pause simply stops advancing.
 */
import { appStore, currentSimulation, runTo, seek } from './runController';

/** The largest wall-clock step one frame may turn into virtual time. */
const MAX_FRAME_WALL_MS = 100;

/** A seek requested by a dragged scrubber: only the latest one per frame is performed. */
let pendingSeekMs: number | null = null;

export function scheduleSeek(timeMs: number): void {
  pendingSeekMs = timeMs;
}

export function startFrameLoop(): () => void {
  let lastWallMs: number | null = null;
  let carryMs = 0;
  let handle = 0;
  const frame = (wallMs: number): void => {
    if (pendingSeekMs !== null) {
      const target = pendingSeekMs;
      pendingSeekMs = null;
      seek(target);
    }
    const { playing, speed } = appStore.getState().playback;
    if (playing && lastWallMs !== null) {
      const wallStep = Math.min(MAX_FRAME_WALL_MS, Math.max(0, wallMs - lastWallMs));
      const virtualStep = wallStep * speed + carryMs;
      const whole = Math.floor(virtualStep);
      carryMs = virtualStep - whole;
      if (whole > 0) runTo(currentSimulation().now + whole);
    } else {
      carryMs = 0;
    }
    lastWallMs = wallMs;
    handle = requestAnimationFrame(frame);
  };
  handle = requestAnimationFrame(frame);
  return () => cancelAnimationFrame(handle);
}
