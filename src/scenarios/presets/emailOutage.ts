import type { Scenario } from '../../engine';
import { checkout } from './checkout';

/** Email goes down at 20 s and comes back at 50 s: orders keep flowing; email catches up from its committed offset. */
export const emailOutage: Scenario = {
  ...checkout,
  title: 'Email outage: orders keep flowing, email catches up',
  notes: [
    { atMs: 0, text: 'Three services consume OrderPlaced independently.' },
    { atMs: 20_000, text: 'Email goes down. Do orders stop? Watch inventory and billing keep up.' },
    { atMs: 30_000, text: "Email's committed offset is frozen; its lag grows with every order." },
    {
      atMs: 50_000,
      text: 'Email is back: it resumes from its committed offset and replays what it missed.',
    },
    {
      atMs: 60_000,
      text: 'Caught up: every order got its receipt, later. That delay is eventual consistency.',
    },
  ],
  actions: [
    { atMs: 20_000, type: 'crash', target: 'email-0' },
    { atMs: 50_000, type: 'start', target: 'email-0' },
  ],
};
