/**
 * What the page's Export… menu downloads, for a lab: the data files (share/exports) named after
 * the run ("checkout-one-event-independent-consumers-lag.csv").
 */
import type { DataExportName, ExportFile } from '../share';
import { dataExport } from '../share/exports/runExports';
import { runFileName } from '../share/scenarioFileText';
import type { Lab } from './lab';

export { DATA_EXPORTS } from '../share/exports/runExports';
export type { DataExportName, ExportFile } from '../share';

/** The run's name as the start of an export's file name. */
export function exportBaseName(lab: Lab): string {
  return runFileName(lab.store.getState().run.scenario).replace(/\.json$/, '');
}

export function exportData(lab: Lab, name: DataExportName): ExportFile {
  const { scenario, interventions } = lab.store.getState().run;
  const file = dataExport(name, lab.currentSimulation(), { scenario, interventions });
  return { ...file, name: `${exportBaseName(lab)}-${file.name}` };
}
