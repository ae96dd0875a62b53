/**
 * The checkout story as synchronous calls (doc/design.md contract 7): the same seed, order rate
 * and email outage (20 s to 50 s) as `email-outage`, with the consumers of orders turned into a
 * call chain checkout → inventory → billing → email. Only calls versus events differ, so the
 * two runs side by side show what the log buys: independent failure.
 */
import type { Scenario } from '../../engine';
import { checkout } from './checkout';
import { emailOutage } from './storyPresets';

const [placer] = checkout.producers;
const serviceOf = (id: string) => {
  const { subscribe: _events, emitTo: _emits, ...rest } = checkout.services.find((s) => s.id === id)!;
  return { ...rest, subscribe: [] };
};

export const syncCheckout: Scenario = {
  format: 'logscope-scenario',
  version: 1,
  title: 'Sync checkout: a chain of calls is as up as its weakest link',
  seed: checkout.seed,
  topics: [],
  producers: [
    {
      id: placer!.id,
      ratePerSec: placer!.ratePerSec,
      keys: placer!.keys!,
      calls: { targets: ['inventory', 'billing', 'email'], mode: 'chain', timeoutMs: 1000, retries: 0 },
    },
  ],
  services: [serviceOf('inventory'), serviceOf('billing'), serviceOf('email')],
  notes: [
    {
      atMs: 0,
      text: 'checkout calls inventory, which calls billing, which calls email: each waits, holding one of its workers, for the next to answer. An order succeeds only if every call does.',
    },
    {
      atMs: 8000,
      text: 'Every order succeeds within a few tens of milliseconds: three round trips plus each service’s own work.',
      when: {
        all: [
          { compare: { path: 'requests.checkout.failed' }, op: '=', to: 0 },
          { compare: { path: 'requests.checkout.succeeded' }, op: '>', to: 0 },
          { compare: { path: 'requests.checkout.latencyMs.p99' }, op: '<', to: 100 },
        ],
      },
    },
    {
      atMs: 21_000,
      text: 'Email is down, so every order fails: email refuses billing’s call, billing fails inventory’s, inventory fails checkout’s. One service down takes the whole checkout down.',
      when: {
        all: [
          { compare: { path: 'groups.email.members.email-0.status' }, op: '=', to: 'crashed' },
          { compare: { path: 'requests.checkout.failed' }, op: '>', to: 0 },
        ],
      },
    },
    {
      atMs: 35_000,
      text: 'About 5 failed orders a second, as long as email is down. Nothing keeps them: a failed call is gone, where an event would wait in the log.',
      when: {
        all: [
          { compare: { path: 'groups.email.members.email-0.status' }, op: '=', to: 'crashed' },
          { compare: { path: 'requests.checkout.failed' }, op: '>=', to: 50 },
        ],
      },
    },
    {
      atMs: 52_000,
      text: 'Email is back and orders succeed again at once, but the orders placed during the outage stay failed: nothing catches them up.',
      when: {
        all: [
          { compare: { path: 'groups.email.members.email-0.status' }, op: '=', to: 'running' },
          { compare: { path: 'requests.checkout.failed' }, op: '>=', to: 100 },
          { not: { event: 'order.failed' } },
        ],
      },
    },
  ],
  actions: emailOutage.actions!.map((action) => ({ ...action })),
};
