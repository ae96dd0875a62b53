import { describe, expect, it } from 'vitest';
import { createSimulation, type GroupHealth, type SimEvent } from '../engine';
import { checkout } from '../scenarios/presets/checkout';
import { emailOutage } from '../scenarios/presets/storyPresets';
import { findPreset } from '../scenarios/presets';
import { digestText, happeningsFromEvents, progressHappenings, groupProgress } from './narration';
import { answerText, newInterventions } from './narrationAnswers';
import { seekSummaryText } from './narrationSummary';

function event(
  seq: number,
  atMs: number,
  code: SimEvent['code'],
  fields: Record<string, string | number | boolean>,
): SimEvent {
  return {
    seq,
    atMs,
    kind: 'member',
    entity: String(fields['instance'] ?? 'x'),
    text: `${code}`,
    code,
    fields,
  };
}

describe('digests', () => {
  it('merges a rebalance into one phrase naming who got what', () => {
    const events = [
      event(1, 42_000, 'member.crashed', { group: 'email', instance: 'email-0' }),
      event(2, 42_000, 'partitions.revoked', {
        group: 'billing',
        instance: 'billing-0',
        partitions: 'orders-0,orders-1,orders-2',
      }),
      event(3, 42_400, 'partitions.assigned', {
        group: 'billing',
        instance: 'billing-0',
        partitions: 'orders-0,orders-1',
        generation: 3,
      }),
      event(4, 42_400, 'partitions.assigned', {
        group: 'billing',
        instance: 'billing-1',
        partitions: 'orders-2',
        generation: 3,
      }),
      event(5, 42_600, 'offset.outOfRange', {
        group: 'events',
        instance: 'events-0',
        partition: 'orders-0',
        lost: 5,
      }),
      event(6, 42_700, 'offset.outOfRange', {
        group: 'events',
        instance: 'events-0',
        partition: 'orders-1',
        lost: 7,
      }),
      event(7, 42_700, 'offset.outOfRange', {
        group: 'events',
        instance: 'events-0',
        partition: 'orders-2',
        lost: 0,
      }),
    ];
    expect(digestText(happeningsFromEvents(events))).toBe(
      '0:42: email-0 crashed; billing rebalanced (generation 3: billing-0 got orders-0, orders-1; billing-1 got orders-2); 12 records lost to retention in events.',
    );
  });

  it('counts a calling client\'s failed orders per service in one phrase (sync-checkout)', () => {
    const sim = createSimulation(findPreset('sync-checkout')!.scenario);
    sim.runUntil(22_000);
    const events = sim.events().filter((e) => e.atMs >= 20_000);
    const failed = sim.summary().requests!['checkout']!.failed;
    expect(failed).toBeGreaterThan(1);
    expect(digestText(happeningsFromEvents(events))).toMatch(
      new RegExp(`^0:2\\d to 0:2\\d: email-0 crashed; ${failed} checkout orders failed at email\\.$`),
    );
  });

  it('spans its first to last time, caps long partition lists, and says nothing of nothing', () => {
    const events = [
      event(1, 5_000, 'member.started', { group: 'a', instance: 'a-0' }),
      event(2, 65_000, 'partitions.assigned', {
        group: 'a',
        instance: 'a-0',
        partitions: 't-0,t-1,t-2,t-3,t-4',
        generation: 1,
      }),
    ];
    expect(digestText(happeningsFromEvents(events))).toBe(
      '0:05 to 1:05: a-0 started; a rebalanced (generation 1: a-0 got t-0, t-1, t-2 and 2 more).',
    );
    expect(
      digestText(happeningsFromEvents([event(1, 0, 'offsets.resumed', { instance: 'a-0' })])),
    ).toBeNull();
  });

  it('reports duplicates and a group catching up only after it fell behind', () => {
    const sim = createSimulation(emailOutage);
    const health = (id: string): GroupHealth | null => sim.health(id);
    sim.runUntil(19_000);
    let progress = groupProgress(sim.snapshot(), health);
    const said: string[] = [];
    for (let t = 19_500; t <= 70_000; t += 500) {
      sim.runUntil(t);
      const step = progressHappenings(progress, sim.snapshot(), health);
      progress = step.progress;
      const text = step.happenings.length > 0 ? digestText(step.happenings) : null;
      if (text) said.push(text);
    }
    // Inventory and billing trail by a record now and then but never fall behind: never "caught up".
    expect(said.filter((s) => s.includes('caught up'))).toEqual([
      expect.stringMatching(/^0:(5|6)\d: email caught up\.$/),
    ]);
    const duplicates = said.join(' ').match(/email processed (\d+) duplicates?/g) ?? [];
    const total = duplicates.reduce((sum, s) => sum + Number(/(\d+)/.exec(s)![1]), 0);
    expect(total).toBe(sim.snapshot().groups.find((g) => g.groupId === 'email')!.stats.duplicates);
    expect(total).toBeGreaterThan(0);
  });
});

describe('answers to commands', () => {
  it('says what an applied command did, or why it was refused', () => {
    expect(answerText([{ type: 'crash', target: 'email-0' }], [], 1000)).toBe('email-0 crashed.');
    const refused = event(9, 1000, 'command.refused', { error: 'email-0 is crashed, not running' });
    expect(answerText([{ type: 'hang', target: 'email-0' }], [refused], 1000)).toBe(
      'Refused: email-0 is crashed, not running.',
    );
    // Of two commands applied together, the refusal goes to the one it names.
    const both = answerText(
      [
        { type: 'stop', target: 'billing-0' },
        { type: 'hang', target: 'email-0' },
      ],
      [refused],
      1000,
    );
    expect(both).toBe('billing-0 stopped. Refused: email-0 is crashed, not running.');
    expect(answerText([{ type: 'scale', service: 'billing', instances: 3 }], [], 0)).toBe(
      'billing scaled to 3 instances.',
    );
  });

  it('treats only unseen interventions at the playhead, at the end of the list, as new', () => {
    const seen = new WeakSet<{ atMs: number } & Record<string, unknown>>() as WeakSet<never>;
    const old = { type: 'crash', target: 'email-0', atMs: 1000 } as const;
    expect(newInterventions([old], seen, 1000)).toEqual([old]);
    expect(newInterventions([old], seen, 1000)).toEqual([]);
    const restored = { type: 'start', target: 'email-0', atMs: 500 } as const;
    expect(newInterventions([restored, old], seen, 1000)).toEqual([]);
    const fresh = { type: 'stop', target: 'billing-0', atMs: 2000 } as const;
    expect(newInterventions([old, fresh], seen, 2000)).toEqual([fresh]);
  });
});

describe('seek summaries', () => {
  it('says where the run stands: who is down, who is behind, duplicates so far', () => {
    const sim = createSimulation(emailOutage);
    sim.runUntil(40_000);
    const health = (id: string) => sim.health(id);
    expect(seekSummaryText(sim.snapshot(), health)).toMatch(
      /^At 0:40: email-0 is down \(crashed\); email is \d+ records behind\.$/,
    );
    const fresh = createSimulation(checkout);
    fresh.runUntil(10_000);
    expect(seekSummaryText(fresh.snapshot(), (id) => fresh.health(id))).toBe(
      'At 0:10: all 4 instances running; every group up to date.',
    );
  });
});
