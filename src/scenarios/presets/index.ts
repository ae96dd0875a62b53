/**
 * The preset gallery with every scenario: plain data shared by the CLI, unit tests, e2e and
 * (loaded on demand, presetScenarios.ts) the app.
 */
import type { Scenario } from '../../engine';
import { checkout } from './checkout';
import {
  addingPartitionsBreaksOrder,
  atLeastOnceVsAtMostOnce,
  compactedProfiles,
  eagerVsCooperative,
  hangVsSessionTimeout,
  hotPartition,
  retentionLosesData,
} from './galleryPresets';
import { syncCheckout } from './syncPresets';
import { acksOneLosesData, coordinatorFailover, idempotentProducer, minInsyncRefusesWrites, retriesDuplicate, uncleanElectionLosesData } from './replicationPresets';
import { commandsVsEvents, cqrsRebuild, emailOutage, lateFraudCheck, lateFraudCheckLatest, pubsubVsQueue } from './storyPresets';
import { PRESET_ENTRIES, type PresetEntry } from './presetCatalogue';
import { registerPresetScenarios } from './presetScenarios';
import { COMPARISON_PRESETS } from './comparisonPresets';

export { DEFAULT_PRESET_ID } from './presetCatalogue';

export interface Preset extends PresetEntry {
  scenario: Scenario;
}

const SCENARIOS: Readonly<Record<string, Scenario>> = {
  checkout,
  'email-outage': emailOutage,
  'late-fraud-check': lateFraudCheck,
  'late-fraud-check-latest': lateFraudCheckLatest,
  'cqrs-rebuild': cqrsRebuild,
  'commands-vs-events': commandsVsEvents,
  'pubsub-vs-queue': pubsubVsQueue,
  'at-least-once-vs-at-most-once': atLeastOnceVsAtMostOnce,
  'hang-vs-session-timeout': hangVsSessionTimeout,
  'eager-vs-cooperative': eagerVsCooperative,
  'hot-partition': hotPartition,
  'retention-loses-data': retentionLosesData,
  'compacted-profiles': compactedProfiles,
  'adding-partitions-breaks-order': addingPartitionsBreaksOrder,
  'sync-checkout': syncCheckout,
  'acks-1-loses-data': acksOneLosesData,
  'min-insync-refuses-writes': minInsyncRefusesWrites,
  'unclean-election-loses-data': uncleanElectionLosesData,
  'retries-duplicate': retriesDuplicate,
  'idempotent-producer': idempotentProducer,
  'coordinator-failover': coordinatorFailover,
};

export const PRESETS: readonly Preset[] = PRESET_ENTRIES.map((entry) => ({ ...entry, scenario: SCENARIOS[entry.id]! }));

// Whatever imports the full gallery (the decoders chunk, the CLI, tests) makes its scenarios
// and comparisons available to the synchronous lookups at once.
registerPresetScenarios(SCENARIOS, COMPARISON_PRESETS);

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
