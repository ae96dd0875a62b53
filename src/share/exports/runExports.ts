/**
 * The files a run can be taken out as, from the live simulation: the same in the page's
 * Export… menu and the CLI's `--export <dir>`. Pictures (SVG, PNG) are drawn by the page.
 */
import type { Scenario, Simulation, TimedCommand } from '../../engine';
import { runFileText } from '../scenarioFileText';
import { consistencyCsv } from './consistencyCsv';
import { eventLogCsv, eventLogJsonLines } from './eventLog';
import { lagCsv } from './lagCsv';

export interface ExportFile {
  /** File name, without the run's name before it. */
  name: string;
  mime: string;
  text: string;
}

/** Every data export, by its menu label. */
export const DATA_EXPORTS = [
  { label: 'Event log (JSON lines)', name: 'events.jsonl', mime: 'application/jsonl' },
  { label: 'Event log (CSV)', name: 'events.csv', mime: 'text/csv' },
  { label: 'Lag over time (CSV)', name: 'lag.csv', mime: 'text/csv' },
  { label: 'Consistency windows (CSV)', name: 'consistency.csv', mime: 'text/csv' },
  { label: 'Summary (JSON)', name: 'summary.json', mime: 'application/json' },
  { label: 'Run (scenario file)', name: 'run.json', mime: 'application/json' },
] as const;

export type DataExportName = (typeof DATA_EXPORTS)[number]['name'];

export function dataExport(
  name: DataExportName,
  simulation: Simulation,
  run: { scenario: Scenario; interventions: readonly TimedCommand[] },
): ExportFile {
  const mime = DATA_EXPORTS.find((e) => e.name === name)!.mime;
  const text = (() => {
    switch (name) {
      case 'events.jsonl':
        return eventLogJsonLines(simulation.events());
      case 'events.csv':
        return eventLogCsv(simulation.events());
      case 'lag.csv':
        return lagCsv(simulation.snapshot().groups.map((g) => ({ groupId: g.groupId, history: simulation.lagHistory(g.groupId) })));
      case 'consistency.csv':
        return consistencyCsv(
          simulation.consistencyFacts(),
          simulation.snapshot().groups.map((g) => g.serviceId),
        );
      case 'summary.json':
        return `${JSON.stringify(simulation.summary(), null, 2)}\n`;
      case 'run.json':
        return runFileText(run.scenario, run.interventions);
    }
  })();
  return { name, mime, text };
}
