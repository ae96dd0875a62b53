import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkout } from '../scenarios/presets/checkout';
import { emailOutage } from '../scenarios/presets/storyPresets';
import { createLab } from './lab';
import {
  createNarrationFeed,
  DIGEST_SPACING_MS,
  SETTLE_MS,
  type NarrationClock,
  type NarrationFeed,
} from './narrationFeed';
import type { NarrationSetting } from './narrationSetting';
import type { AppState } from './store';

/** Wall time that moves only when a test says so, with the timers due on the way. */
function manualClock() {
  let now = 0;
  let timers: { at: number; callback: () => void }[] = [];
  const clock: NarrationClock = {
    now: () => now,
    after(delayMs, callback) {
      const timer = { at: now + delayMs, callback };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
  };
  function advance(ms: number): void {
    const end = now + ms;
    for (;;) {
      const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      timers = timers.filter((t) => t !== next);
      now = next.at;
      next.callback();
    }
    now = end;
  }
  return { clock, advance, now: () => now };
}

/** A lab, its narration on a manual clock, and the wall time each message was sent at. */
function setup(setting: NarrationSetting = 'everything') {
  const wall = manualClock();
  // Pacing on the same manual clock: every frame publishes, whatever the machine's load.
  const lab = createLab({ scenario: checkout, presetId: 'checkout', wallClock: wall.now });
  const kept = new Map<string, string>([['logscope.narration', setting]]);
  const feed = createNarrationFeed(lab.store, {
    clock: wall.clock,
    storage: () => ({
      getItem: (k) => kept.get(k) ?? null,
      setItem: (k, v) => void kept.set(k, v),
    }),
  });
  const sent: { atMs: number; text: string }[] = [];
  let lastId = 0;
  feed.subscribe(() => {
    for (const message of feed.messages()) {
      if (message.id > lastId) sent.push({ atMs: wall.now(), text: message.text });
      lastId = Math.max(lastId, message.id);
    }
  });
  /** Plays `virtualMs` at `speed`, one 16 ms frame at a time, as the frame loop does. */
  function play(virtualMs: number, speed: number): void {
    lab.play();
    const end = lab.currentSimulation().now + virtualMs;
    while (lab.currentSimulation().now < end) {
      lab.playTo(Math.min(end, lab.currentSimulation().now + 16 * speed), 1000);
      wall.advance(16);
    }
    lab.pause();
  }
  return { lab, wall, feed, sent, play, kept };
}

let current: { feed: NarrationFeed } | null = null;
afterEach(() => current?.feed.dispose());

describe('answers to learner actions', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
    current = t;
  });

  it('answers a command at once, exactly once, and a refusal with its reason', () => {
    t.lab.seek(20_000);
    t.wall.advance(1000);
    const before = t.sent.length;
    t.lab.requestCommand({ type: 'crash', target: 'email-0' });
    expect(t.sent.slice(before).map((m) => m.text)).toEqual(['email-0 crashed.']);
    t.lab.requestCommand({ type: 'hang', target: 'email-0' });
    expect(t.sent.slice(before + 1).map((m) => m.text)).toEqual([
      'Refused: email-0 is crashed, not running.',
    ]);
    t.wall.advance(10_000);
    expect(t.sent).toHaveLength(before + 2);
  });

  it('does not answer again when an undo or a re-opened run brings interventions back', () => {
    t.lab.seek(10_000);
    t.lab.applyCommand({ type: 'crash', target: 'email-0' });
    t.lab.seek(20_000);
    t.lab.applyCommand({ type: 'start', target: 'email-0' });
    t.lab.seek(5_000);
    t.lab.requestCommand({ type: 'stop', target: 'billing-0' });
    t.lab.confirmFork();
    t.wall.advance(1000);
    const before = t.sent.map((m) => m.text);
    t.lab.undoFork();
    t.wall.advance(1000);
    // The undo rebuilds the run where the fork was made: a summary, and no command answered.
    expect(t.sent.map((m) => m.text).slice(before.length)).toEqual([
      'At 0:05: all 4 instances running; every group up to date.',
    ]);
    expect(before.filter((text) => /crashed\.|started\.|stopped\./.test(text))).toEqual([
      'email-0 crashed.',
      'email-0 started.',
      'billing-0 stopped.',
    ]);
  });
});

describe('seeking', () => {
  it('says nothing while the playhead jumps, then one summary of where it settled', () => {
    const t = setup();
    current = t;
    for (const target of [5_000, 10_000, 15_000, 30_000, 25_000]) {
      t.lab.seek(target);
      t.wall.advance(SETTLE_MS / 3);
    }
    expect(t.sent).toEqual([]);
    t.wall.advance(SETTLE_MS);
    expect(t.sent.map((m) => m.text)).toEqual([
      'At 0:25: all 4 instances running; every group up to date.',
    ]);
    t.wall.advance(60_000);
    expect(t.sent).toHaveLength(1);
  });

  it('says nothing of opening another run at its start', () => {
    const t = setup();
    current = t;
    t.lab.seek(10_000);
    t.wall.advance(1000);
    expect(t.sent).toHaveLength(1);
    t.lab.loadScenario(emailOutage);
    t.wall.advance(10_000);
    expect(t.sent).toHaveLength(1);
  });

  it('treats the frames shown when playback pauses as played, not as a jump', () => {
    const t = setup('actions');
    current = t;
    t.play(4_000, 1);
    t.wall.advance(60_000);
    expect(t.sent).toEqual([]);
  });
});

describe('digests while playing', () => {
  it('sends at most one digest per 5 s of wall time, together covering what happened', () => {
    const t = setup();
    current = t;
    t.lab.loadScenario(emailOutage);
    t.play(70_000, 20);
    t.wall.advance(DIGEST_SPACING_MS);
    const times = t.sent.map((m) => m.atMs);
    expect(t.sent.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(DIGEST_SPACING_MS);
    const all = t.sent.map((m) => m.text).join(' ');
    for (const phrase of [
      'email-0 crashed',
      'email-0 left group email',
      'email-0 started',
      'email rebalanced (generation 3: email-0 got orders-0, orders-1, orders-2)',
      'email caught up',
    ]) {
      expect(all).toContain(phrase);
    }
    expect(all).toMatch(/email processed \d+ duplicates/);
    expect(t.sent[0]!.text).toMatch(/^0:\d\d( to \d:\d\d)?: /);
  });

  it('keeps its digest timer armed while playing instead of setting it again every frame', () => {
    const t = setup();
    current = t;
    t.lab.loadScenario(emailOutage);
    const after = t.wall.clock.after;
    let armed = 0;
    t.wall.clock.after = (delayMs, callback) => {
      armed++;
      return after(delayMs, callback);
    };
    t.play(70_000, 20);
    const frames = Math.ceil(70_000 / (16 * 20));
    t.wall.advance(DIGEST_SPACING_MS);
    expect(t.sent.length).toBeGreaterThanOrEqual(2);
    // About one per digest (and one per measured progress), not one per frame.
    expect(armed).toBeLessThan(frames / 5);
  });

  it('with "actions only", plays silently but still answers commands; "off" says nothing', () => {
    const t = setup('actions');
    current = t;
    t.lab.loadScenario(emailOutage);
    t.play(30_000, 20);
    t.wall.advance(DIGEST_SPACING_MS);
    expect(t.sent).toEqual([]);
    t.lab.requestCommand({ type: 'scale', service: 'billing', instances: 2 });
    expect(t.sent.map((m) => m.text)).toEqual(['billing scaled to 2 instances.']);
    t.feed.setSetting('off');
    expect(t.kept.get('logscope.narration')).toBe('off');
    t.lab.requestCommand({ type: 'scale', service: 'billing', instances: 1 });
    t.lab.seek(5_000);
    t.wall.advance(10_000);
    expect(t.sent).toHaveLength(1);
  });
});

describe('opening a new run', () => {
  it("measures its groups' progress in a task after the one that shows it (opening's longest task at the limits)", () => {
    const t = setup();
    current = t;
    // Counts the group health measured through each published state's queries.
    let measured = 0;
    const setState = t.lab.store.setState;
    t.lab.store.setState = ((update: (state: AppState) => AppState) =>
      setState((state) => {
        const next = update(state);
        if (next.sim === state.sim) return next;
        const health = next.sim.queries.health;
        return { ...next, sim: { ...next.sim, queries: { ...next.sim.queries, health: (id: string) => (measured++, health(id)) } } };
      })) as typeof setState;
    t.lab.loadScenario(emailOutage);
    expect(measured).toBe(0);
    t.wall.advance(0);
    expect(measured).toBe(emailOutage.services.length);
    // Measured once: what the first frames play is narrated against it, as before.
    t.play(30_000, 10);
    t.wall.advance(DIGEST_SPACING_MS);
    expect(t.sent.length).toBeGreaterThan(0);
  });
});
