/**
 * Writing a run as a scenario file (format version 1, doc/design.md, contract 2): the run's
 * interventions become timed `actions` after the scenario's own. Kept apart from reading files
 * (scenarioFile.ts), which validates whole scenarios, so the page loads this at start without
 * the parsers.
 */
import type { Scenario, TimedCommand } from '../engine';

/** The scenario with the interventions appended to its actions, as the engine replays them. */
export function runAsScenario(scenario: Scenario, interventions: readonly TimedCommand[]): Scenario {
  const actions = [...(scenario.actions ?? []), ...interventions];
  const { actions: _own, ...rest } = scenario;
  return actions.length === 0 ? rest : { ...rest, actions };
}

export function runFileText(scenario: Scenario, interventions: readonly TimedCommand[]): string {
  return `${JSON.stringify(runAsScenario(scenario, interventions), null, 2)}\n`;
}

/** `checkout-one-event-independent-consumers.json`: the title in lower-case words. */
export function runFileName(scenario: Scenario): string {
  const words = (scenario.title ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${words === '' ? 'scenario' : words}.json`;
}
