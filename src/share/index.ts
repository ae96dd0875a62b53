/**
 * Sharing a run: links (`#s=`, `#preset=`, `?scenario=`), scenario files and QR codes. Pure
 * functions over plain data; the app wires them to the store, the address bar and storage.
 */
export { decodeLocation, type AddressParts } from './decodeLocation';
export { decodeRunLink, encodedRunFragment, runLinkFragment } from './runLink';
export { encodeRunLink } from './encodeRunLink';
export { encodeRunLinkOffThread } from './encodeOffThread';
export { decodeScenarioText, runFileName, runFileText } from './scenarioFile';
export { qrCodeOf, type QrCodeResult } from './qrCode';
export { describeRefusal } from './sharedRun';
export type { DecodeResult, SharedRun, SharedViewSettings, ShareProblem } from './sharedRun';
export { isLoopbackLink } from './loopbackHost';
