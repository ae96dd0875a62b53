/**
 * Sharing a run: links (`#s=`, `#preset=`, `?scenario=`), scenario files and QR codes. Pure
 * functions over plain data; the app wires them to the store, the address bar and storage.
 * The page imports the modules themselves, not this index: writing links and files at start,
 * reading them (with zod and the scenario schemas) on demand (app/loadDecoders.ts).
 */
export type { AddressParts } from './decodeLocation';
export { decodeRunLink, runLinkFragment } from './runLink';
export { encodeRunLink } from './encodeRunLink';
export { runFileText } from './scenarioFile';
// The QR code encoder loads on demand (app/sharing.ts): only its type is part of this index.
export type { QrCodeResult } from './qrCode';
export type { DecodeResult, SharedRun, SharedViewSettings, ShareProblem } from './sharedRun';
export { DATA_EXPORTS, dataExport, type DataExportName, type ExportFile } from './exports/runExports';
export { comparisonLinkFragment } from './comparisonLink';
export type { ComparisonDecodeResult, SharedComparison, SharedComparisonRun } from './comparisonLink';
