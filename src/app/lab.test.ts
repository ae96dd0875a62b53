import { describe, expect, it } from 'vitest';
import { findPreset } from '../scenarios/presets';
import { createLab } from './lab';

describe('createLab', () => {
  it('makes labs that share nothing: each its own run, store and interventions', () => {
    const left = createLab();
    const right = createLab({ scenario: findPreset('checkout')!.scenario, presetId: 'checkout' });
    expect(left.store).not.toBe(right.store);
    left.seek(10_000);
    expect(left.store.getState().sim.snapshot.nowMs).toBe(10_000);
    expect(right.store.getState().sim.snapshot.nowMs).toBe(0);

    right.seek(5_000);
    const crash = right.applyCommand({ type: 'crash', target: 'email-0' });
    expect(crash).toEqual({ ok: true });
    right.seek(20_000);
    left.seek(20_000);
    expect(right.store.getState().run.interventions).toHaveLength(1);
    expect(left.store.getState().run.interventions).toHaveLength(0);
    // Same scenario, different commands: different runs, each reproducible on its own.
    expect(right.currentSimulation().traceHash()).not.toBe(left.currentSimulation().traceHash());
    const again = createLab();
    again.seek(20_000);
    expect(again.currentSimulation().traceHash()).toBe(left.currentSimulation().traceHash());
  });

  it('plays and pauses one lab without touching another', () => {
    const a = createLab();
    const b = createLab();
    a.play();
    expect(a.store.getState().playback.playing).toBe(true);
    expect(b.store.getState().playback.playing).toBe(false);
    a.pause();
    b.setSpeed(10);
    expect(a.store.getState().playback.speed).toBe(1);
  });
});
