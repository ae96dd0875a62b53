/** Slow motion starts after an intervention, a rebalance or a catch-up, and only when asked for. */
import { describe, expect, it } from 'vitest';
import { createLab } from './lab';
import { effectiveSpeed, slowMotionTrigger, SLOW_MOTION_MS } from './slowMotion';

describe('slow motion', () => {
  it('triggers on a new intervention, a new rebalance or a group catching up', () => {
    const base = { interventions: 1, rebalances: 2, behind: new Set(['email']) };
    expect(slowMotionTrigger(base, { ...base })).toBe(false);
    expect(slowMotionTrigger(base, { ...base, interventions: 2 })).toBe(true);
    expect(slowMotionTrigger(base, { ...base, rebalances: 3 })).toBe(true);
    expect(slowMotionTrigger(base, { ...base, behind: new Set() })).toBe(true);
    expect(slowMotionTrigger(base, { ...base, behind: new Set(['email', 'billing']) })).toBe(false);
  });

  it('plays at 0.25× (never faster than chosen) until it ends', () => {
    expect(effectiveSpeed(10, 1000, 3000)).toBe(0.25);
    expect(effectiveSpeed(0.1, 1000, 3000)).toBe(0.1);
    expect(effectiveSpeed(10, 3000, 3000)).toBe(10);
    expect(effectiveSpeed(10, 5000, -1)).toBe(10);
  });

  it('starts for 3 virtual seconds when a command is applied while playing, only with the setting on', () => {
    const lab = createLab();
    lab.seek(10_000);
    lab.play();
    lab.advance(100);
    lab.applyCommand({ type: 'crash', target: 'email-0' });
    expect(lab.store.getState().playback.slowUntilMs).toBe(-1);

    lab.setView('slowMotion', true);
    lab.play();
    lab.advance(100);
    lab.applyCommand({ type: 'crash', target: 'billing-0' });
    const now = lab.currentSimulation().now;
    expect(lab.store.getState().playback.slowUntilMs).toBe(now + SLOW_MOTION_MS);
    // Seeking back before it began ends it.
    lab.seek(1000);
    expect(lab.store.getState().playback.slowUntilMs).toBe(-1);
  });
});
