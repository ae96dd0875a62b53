/**
 * Bounds on what a link, a URL parameter, a file or the locally kept run may hold, checked
 * before any decompression or parsing, so that no input can freeze the tab.
 */

/** Largest raw fragment, `scenario` parameter or file: 64 KB (characters, or bytes for files). */
export const MAX_INPUT_CHARS = 65_536;
/**
 * Largest decompressed link payload. lz-string can expand its input many times over; a run
 * (a 64 KB scenario plus up to 2,000 interventions) stays well under this.
 */
export const MAX_PAYLOAD_CHARS = 524_288;
export const MAX_SELECTION_CHARS = 200;
export const MAX_VIEW_SETTINGS = 32;
export const MAX_VIEW_KEY_CHARS = 64;
export const MAX_VIEW_STRING_CHARS = 200;
export const VIEW_KEY_PATTERN = /^[A-Za-z0-9._-]+$/;

/** The link format written today (`#s=<version>.<data>`); older versions keep decoding. */
export const LINK_FORMAT_VERSION = 1;
