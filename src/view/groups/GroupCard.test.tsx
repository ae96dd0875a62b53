/**
 * A member's partition chips: at most MAX_CHIPS (12) are drawn, then one "+N more"; the
 * coordinator's view of a crashed member (held), and a rebalance's new partitions, keep their
 * marks among the chips shown.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createLab } from '../../app/lab';
import { createAppStore } from '../../app/store';
import type { Scenario } from '../../engine';
import { LabContext } from '../labContext';
import { GroupCard, selectAnimationNow, slidesIn } from './GroupCard';
import { rebalanceDiff } from './rebalanceDiff';

const scenario: Scenario = {
  format: 'logscope-scenario',
  version: 1,
  seed: 4,
  topics: [{ name: 'orders', partitions: 40 }],
  producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 20, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } }],
  services: [{ id: 'email', subscribe: ['orders'], instances: 2, config: { 'session.timeout.ms': 10_000 } }],
  actions: [{ atMs: 8_000, type: 'crash', target: 'email-0' }],
};

function memberChips(lab: ReturnType<typeof createLab>, instance: string): string[] {
  // A server render reads a store's initial state: a store that starts where the lab is now.
  const now = { ...lab, store: createAppStore(lab.store.getState()) };
  const html = renderToString(
    <LabContext.Provider value={now}>
      <GroupCard groupId="email" />
    </LabContext.Provider>,
  ).replaceAll('<!-- -->', '');
  const row = html.slice(html.indexOf(`data-testid="instance-${instance}"`));
  const chips = row.slice(row.indexOf('class="chips"'), row.indexOf('</li>'));
  return [...chips.matchAll(/<span[^>]*class="chip ([^"]+)"[^>]*>(.*?)<\/span>/g)].map((m) => `${m[1]}: ${m[2]!.replace(/<[^>]+>/g, '')}`);
}

describe("a group card's partition chips", () => {
  const lab = createLab({ scenario, presetId: null });

  it("draws twelve of a member's twenty partitions and says how many more", () => {
    lab.seek(6_000);
    const chips = memberChips(lab, 'email-0');
    expect(chips).toHaveLength(13);
    expect(chips.slice(0, 12).every((c) => c.startsWith('chip-kept: orders-'))).toBe(true);
    expect(chips[12]).toBe('chip-more: +8 more');
  });

  it("marks a crashed member's partitions as held until the session times out", () => {
    lab.seek(9_000);
    const chips = memberChips(lab, 'email-0');
    expect(chips).toHaveLength(13);
    expect(chips.slice(0, 12).every((c) => /^chip-held: orders-\d+ \(held\)$/.test(c))).toBe(true);
    expect(chips[12]).toBe('chip-more: +8 more');
  });

  it('marks the partitions a rebalance handed over from a member that left as new', () => {
    lab.seek(25_000);
    // The range assignor gives email-1 every partition; email-0's (0–19) come first, and as
    // their owner has left the group, nobody in it owned them: new.
    const chips = memberChips(lab, 'email-1');
    expect(chips).toHaveLength(13);
    expect(chips.slice(0, 12).every((c) => /^chip-new: orders-\d+ \(new\)$/.test(c))).toBe(true);
    expect(chips[12]).toBe('chip-more: +28 more');
    expect(memberChips(lab, 'email-0')).toEqual(['chip-none: no partitions']);
  });
});

describe("a group card's clock", () => {
  // Following the clock, a card draws again on every publish, member rows and all (at the
  // limits 16 cards of 12 rows, every frame while playing).
  const lab = createLab({ scenario, presetId: null });
  const email = () => lab.store.getState().sim.snapshot.groups.find((g) => g.groupId === 'email')!;
  const animationNow = () => selectAnimationNow(lab.store.getState(), 'email', Object.values(rebalanceDiff(email().members)).some(slidesIn));

  it('is not followed after a rebalance that moved no chip (the first assignment keeps every one)', () => {
    lab.seek(6_000);
    const first = email().rebalances.at(-1)!;
    lab.seek(first.atMs + 100);
    expect(email().rebalances.at(-1)).toEqual(first);
    expect(animationNow()).toBe(-1);
  });

  it('is followed while chips slide in after a rebalance that moved some, and not after', () => {
    lab.seek(25_000);
    const last = email().rebalances.at(-1)!;
    expect(last.generation).toBeGreaterThan(1);
    lab.seek(last.atMs + 100);
    expect(animationNow()).toBe(last.atMs + 100);
    lab.seek(last.atMs + 5_000);
    expect(animationNow()).toBe(-1);
  });
});
