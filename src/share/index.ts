/**
 * Sharing a run: links (`#s=`, `#preset=`, `?scenario=`), scenario files and QR codes. Pure
 * functions over plain data; the app wires them to the store, the address bar and storage.
 */
export { decodeLocation, type AddressParts } from './decodeLocation';
export { decodeRunLink, encodedRunFragment, runLinkFragment } from './runLink';
export { encodeRunLink } from './encodeRunLink';
export { encodeRunLinkOffThread } from './encodeOffThread';
export { decodeScenarioText, runFileName, runFileText } from './scenarioFile';
// The QR code encoder loads on demand (app/sharing.ts): only its type is part of this index.
export type { QrCodeResult } from './qrCode';
export { describeRefusal } from './sharedRun';
export type { DecodeResult, SharedRun, SharedViewSettings, ShareProblem } from './sharedRun';
export { isLoopbackLink } from './loopbackHost';
export { DATA_EXPORTS, dataExport, type DataExportName, type ExportFile } from './exports/runExports';
export { comparisonLinkFragment, decodeComparisonLink } from './comparisonLink';
export type { ComparisonDecodeResult, SharedComparison, SharedComparisonRun } from './comparisonLink';
