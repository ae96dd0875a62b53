/**
 * The scenarios of the seek benchmarks, shared by the browser benchmarks and the checkpoint
 * memory benchmark.
 */
import type { Scenario } from '../src/engine';
import { checkout } from '../src/scenarios/presets/checkout';
import { emailOutage } from '../src/scenarios/presets/storyPresets';

/** Issue 21's long run: the email-outage story's topology at 100 orders/s, retention 10 minutes, nothing fails. */
export const OUTAGE_RATE_PER_SEC = 100;
export const OUTAGE_RETENTION_MS = 600_000;
export const outageHour: Scenario = {
  ...emailOutage,
  title: 'Seek benchmark: the email-outage topology at 100 orders/s for an hour, nothing fails',
  topics: emailOutage.topics.map((topic) => ({ ...topic, config: { ...topic.config, 'retention.ms': OUTAGE_RETENTION_MS } })),
  producers: emailOutage.producers.map((producer) => ({ ...producer, ratePerSec: OUTAGE_RATE_PER_SEC })),
  notes: [],
  actions: [],
};

/** The checkout preset with its producer at `ratePerSec` (the 10-minute benchmark). */
export function checkoutAt(ratePerSec: number): Scenario {
  return { ...checkout, producers: checkout.producers.map((p) => ({ ...p, ratePerSec })) };
}
