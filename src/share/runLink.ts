/**
 * Share links (doc/design.md, contract 6): `#s=<format version>.<data>`. The version picks the
 * decoder from a table, so links written by older LogScopes keep opening after the format
 * moves on; a new version adds an entry and never edits an old one.
 */
import { limits } from '../engine';
// Writing links lives in encodeRunLink.ts, which the page loads at start without the decoders.
export { runLinkFragment } from './encodeRunLink';
import { LINK_FORMAT_VERSION } from './shareLimits';
import { decodeV1 } from './linkPayloadV1';
import { refused, type DecodeResult } from './sharedRun';

type LinkDecoder = (data: string, source: string) => DecodeResult;

/** Every link format version this LogScope opens. */
const LINK_DECODERS: ReadonlyMap<number, LinkDecoder> = new Map([[1, decodeV1]]);

const SUPPORTED_LINK_VERSIONS: readonly number[] = [...LINK_DECODERS.keys()];

/**
 * Decodes `<version>.<data>` (the text after `#s=`). Total: any string, any length, gives a run
 * or a refusal naming what is wrong and where; it never throws.
 */
export function decodeRunLink(value: string, source = 'link'): DecodeResult {
  try {
    if (typeof value !== 'string') return refused(source, '', 'the link is not text');
    if (value.length > limits.MAX_INPUT_CHARS) {
      return refused(source, '', `the link is ${value.length} characters long; the limit is ${limits.MAX_INPUT_CHARS} (64 KB)`);
    }
    const match = /^(\d{1,9})\./.exec(value);
    if (match === null) {
      const shown = value.length > 20 ? `${value.slice(0, 20)}…` : value;
      return refused(
        source,
        '',
        value.length === 0
          ? 'the link is truncated: there is nothing after "#s="'
          : `the link has no format version: it must look like #s=${LINK_FORMAT_VERSION}.<data>, not #s=${shown}`,
      );
    }
    const version = Number(match[1]);
    const decoder = LINK_DECODERS.get(version);
    if (decoder === undefined) {
      const newer = version > LINK_FORMAT_VERSION ? ' (it was made by a newer LogScope)' : '';
      return refused(
        source,
        '',
        `link format version ${version} is not supported${newer}; this LogScope opens version ${SUPPORTED_LINK_VERSIONS.join(', ')}`,
      );
    }
    return decoder(withoutPercentEscapes(value.slice(match[0].length)), source);
  } catch (error) {
    return refused(source, '', `the link could not be read: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

/**
 * Link data never contains `%`; a browser or a chat app may have percent-encoded some of its
 * characters (or of whatever replaced it), so escapes are undone first and the decoder judges
 * the characters themselves. Malformed escapes are left for the decoder to report.
 */
function withoutPercentEscapes(data: string): string {
  if (!data.includes('%')) return data;
  try {
    return decodeURIComponent(data);
  } catch {
    return data;
  }
}
