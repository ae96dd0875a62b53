/**
 * Checking the editor's text (its JSON twin) as a scenario file is checked: the scenario it
 * describes, or every problem with its field path; nothing throws. Only the editor imports this,
 * so it loads with the editor (and with it the scenario schemas), not at start.
 */
import type { Scenario } from '../engine';
import type { ShareProblem } from '../share';
import { decodeScenarioText } from '../share/scenarioFile';

/** The editor's text checked: the scenario it describes, or every problem with its path. */
export type EditCheck = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; problems: ShareProblem[] };

const EDITOR_SOURCE = 'Scenario JSON';

export function checkScenarioText(text: string): EditCheck {
  const decoded = decodeScenarioText(text, EDITOR_SOURCE);
  if (!decoded.ok) return { ok: false, problems: decoded.problems };
  // A file's timed actions are part of the scenario; a link's interventions are not possible here.
  return { ok: true, scenario: decoded.run.scenario, warnings: decoded.warnings };
}
