/**
 * Slow motion for a room: after an intervention, a rebalance or a group catching up, playback
 * runs at 0.25× for 3 virtual seconds, so the moment a class must see does not pass in a blink.
 * Optional (the `slowMotion` view setting); the frame loop applies it.
 */
import type { AppState, AppStore } from './store';

const SLOW_MOTION_SPEED = 0.25;
export const SLOW_MOTION_MS = 3000;

/** What a moment of the run looks like to the trigger: compared with the previous one. */
export interface SlowMotionMoment {
  interventions: number;
  rebalances: number;
  /** Groups whose read model has records still to apply. */
  behind: ReadonlySet<string>;
}

function slowMotionMoment(state: AppState): SlowMotionMoment {
  const behind = new Set<string>();
  for (const group of state.sim.snapshot.groups) {
    if ((state.sim.queries.health(group.serviceId)?.staleness.records ?? 0) > 0) behind.add(group.serviceId);
  }
  return { interventions: state.run.interventions.length, rebalances: state.lab.rebalances.length, behind };
}

/** Whether something a class should see slowly happened between two moments. */
export function slowMotionTrigger(previous: SlowMotionMoment, next: SlowMotionMoment): boolean {
  if (next.interventions > previous.interventions || next.rebalances > previous.rebalances) return true;
  // Caught up: a group that had records to apply has none now.
  for (const group of previous.behind) if (!next.behind.has(group)) return true;
  return false;
}

/** The speed the frame loop plays at now. */
export function effectiveSpeed(speed: number, nowMs: number, slowUntilMs: number): number {
  return nowMs < slowUntilMs ? Math.min(speed, SLOW_MOTION_SPEED) : speed;
}

/**
 * Called after each publish: starts slow motion when something a class should see just happened
 * (setting on, playing), and ends it when the playhead went back before it began (a seek).
 */
export function createSlowMotionWatch(store: AppStore): () => void {
  /** The last moment compared with (only while the setting is on and playing). */
  let seen: SlowMotionMoment | null = null;
  return () => {
    const state = store.getState();
    const { slowUntilMs } = state.playback;
    if (slowUntilMs >= 0 && state.sim.snapshot.nowMs < slowUntilMs - SLOW_MOTION_MS) {
      store.setState((s) => ({ ...s, playback: { ...s.playback, slowUntilMs: -1 } }));
    }
    if (state.ui.view['slowMotion'] !== true || !state.playback.playing) {
      seen = null;
      return;
    }
    const moment = slowMotionMoment(state);
    const previous = seen;
    seen = moment;
    if (previous && slowMotionTrigger(previous, moment)) {
      const until = state.sim.snapshot.nowMs + SLOW_MOTION_MS;
      store.setState((s) => ({ ...s, playback: { ...s.playback, slowUntilMs: until } }));
    }
  };
}
