/**
 * Sharing a run: links (`#s=`, `#preset=`, `?scenario=`), scenario files and QR codes. Pure
 * functions over plain data; the app wires them to the store, the address bar and storage.
 */
export { decodeLocation, type AddressParts } from './decodeLocation';
export { decodeRunLink, encodeRunLink, runLinkFragment, SUPPORTED_LINK_VERSIONS } from './runLink';
export { decodeScenarioText, runAsScenario, runFileName, runFileText } from './scenarioFile';
export { qrCodeOf, type QrCodeResult } from './qrCode';
export { describeProblem, describeRefusal } from './sharedRun';
export type { DecodeResult, SharedRun, SharedViewSettings, ShareProblem } from './sharedRun';
export { LINK_FORMAT_VERSION, MAX_INPUT_CHARS } from './shareLimits';
export { isLoopbackLink } from './loopbackHost';
