/**
 * The preset gallery: plain data shared by the app, the CLI, unit tests and e2e.
 */
import type { Scenario } from '../../engine';
import { checkout } from './checkout';
import { emailOutage } from './emailOutage';

export interface Preset {
  id: string;
  title: string;
  /** One line on what happens. */
  description: string;
  /** The concept it teaches. */
  concept: string;
  scenario: Scenario;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'checkout',
    title: 'Checkout',
    description:
      'checkout emits OrderPlaced; inventory, billing and email each consume it independently.',
    concept: 'Pub/sub: one event, many independent consumer groups',
    scenario: checkout,
  },
  {
    id: 'email-outage',
    title: 'Email outage',
    description:
      'Email crashes at 20 s and restarts at 50 s; it resumes from its committed offset and catches up.',
    concept: 'Eventual consistency and resuming from committed offsets',
    scenario: emailOutage,
  },
];

export const DEFAULT_PRESET_ID = 'checkout';

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
