/** Playback speed on a log scale from 0.1× to 100×. */
const MIN_SPEED = 0.1;
const MAX_SPEED = 100;
export const SPEED_STEPS: readonly number[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}
