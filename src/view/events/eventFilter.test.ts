import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../engine';
import { filterEvents, filterOptions, matchesFilter } from './eventFilter';

const events: SimEvent[] = [
  { seq: 0, atMs: 0, kind: 'member', entity: 'email-0', text: 'email-0 starts.', group: 'email' },
  { seq: 1, atMs: 10, kind: 'rebalance', entity: 'email', text: 'Rebalance of email', group: 'email' },
  { seq: 2, atMs: 20, kind: 'producer', entity: 'checkout', text: 'checkout pauses.' },
];

describe('event log filters', () => {
  it('matches an entity by itself or by its group, and a kind exactly', () => {
    expect(matchesFilter(events[0]!, 'email', 'all')).toBe(true);
    expect(matchesFilter(events[0]!, 'email-0', 'member')).toBe(true);
    expect(matchesFilter(events[0]!, 'email', 'rebalance')).toBe(false);
    expect(matchesFilter(events[2]!, 'email', 'all')).toBe(false);
  });

  it('lists groups before other entities, without duplicates', () => {
    expect(filterOptions(events)).toEqual({ entities: ['email', 'checkout', 'email-0'], kinds: ['member', 'producer', 'rebalance'] });
  });

  it('returns the newest matches first, up to the limit', () => {
    expect(filterEvents(events, 'all', 'all', 2).map((e) => e.seq)).toEqual([2, 1]);
  });
});
