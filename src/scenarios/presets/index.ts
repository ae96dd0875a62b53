/**
 * The preset gallery: plain data shared by the app, the CLI, unit tests and e2e.
 */
import type { Scenario } from '../../engine';
import { checkout } from './checkout';
import { commandsVsEvents, cqrsRebuild, emailOutage, lateFraudCheck, lateFraudCheckLatest, pubsubVsQueue } from './storyPresets';

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
  {
    id: 'late-fraud-check',
    title: 'Late fraud check',
    description: 'fraud-check subscribes at 60 s and replays all retained orders; checkout is untouched.',
    concept: 'Adding a consumer needs zero producer changes',
    scenario: lateFraudCheck,
  },
  {
    id: 'late-fraud-check-latest',
    title: 'Late fraud check (latest)',
    description: 'The same late subscriber with auto.offset.reset=latest sees only orders placed after it joined.',
    concept: 'auto.offset.reset: earliest replays history, latest does not',
    scenario: lateFraudCheckLatest,
  },
  {
    id: 'cqrs-rebuild',
    title: 'Rebuild a read model',
    description: 'inventory is stopped, reset to earliest with rebuild, and rebuilds its stock from the log.',
    concept: 'The log as the source of truth; read models are derived (CQRS)',
    scenario: cqrsRebuild,
  },
  {
    id: 'commands-vs-events',
    title: 'Commands vs events',
    description: 'web sends PlaceOrder commands to checkout, which rejects some; accepted ones fan out as OrderPlaced.',
    concept: 'Commands are directed and can be refused; events are facts for everyone',
    scenario: commandsVsEvents,
  },
  {
    id: 'pubsub-vs-queue',
    title: 'Pub/sub vs queue',
    description: 'One group of three shares the work; three groups of one each get every record.',
    concept: 'Consumer groups: work sharing inside a group, broadcast across groups',
    scenario: pubsubVsQueue,
  },
];

export const DEFAULT_PRESET_ID = 'checkout';

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
