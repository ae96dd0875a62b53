/**
 * What the timeline marks for one run: the scenario's own actions and the interventions (as
 * commands at moments), and each marker's accessible name. A comparison marks both runs' (run A
 * above the track, run B below it), so the names say which run.
 */
import type { Scenario, TimedCommand } from '../engine';
import { formatSimTime } from './formatTime';
import { commandLabel } from './labels';
import { describeDetails } from './layout';

export interface MarkedCommand {
  atMs: number;
  label: string;
  kind: 'action' | 'intervention';
}

/** The run's actions and interventions, by time (actions first at one moment). */
export function markedCommands(scenario: Scenario, interventions: readonly TimedCommand[]): MarkedCommand[] {
  return [
    ...(scenario.actions ?? []).map((c) => ({ atMs: c.atMs, label: commandLabel(c), kind: 'action' as const })),
    ...interventions.map((c) => ({ atMs: c.atMs, label: commandLabel(c), kind: 'intervention' as const })),
  ].sort((a, b) => a.atMs - b.atMs || a.kind.localeCompare(b.kind));
}

/** "Run B, 0:20.000, scenario action: crash email-0" (without the run in a single run's timeline). */
export function markerName(marker: { atMs: number; kind: MarkedCommand['kind']; details: readonly string[] }, run?: string): string {
  const what = `${marker.kind === 'intervention' ? 'intervention' : 'scenario action'}: ${describeDetails(marker.details)}`;
  return `${run ? `Run ${run}, ` : ''}${formatSimTime(marker.atMs)} ${what}`;
}
