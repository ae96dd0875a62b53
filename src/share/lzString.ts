/**
 * lz-string, imported the same way under Node (tests, CLI) and the bundler. It is a CommonJS
 * module whose exports Node cannot detect statically: there, its functions sit on `default`;
 * a bundler offers them both ways.
 */
import * as lzModule from 'lz-string';

type LzString = typeof lzModule;

const lz: LzString = (lzModule as unknown as { default?: LzString }).default ?? lzModule;

export function compressToEncodedURIComponent(text: string): string {
  return lz.compressToEncodedURIComponent(text);
}

/** lz-string's own, unbounded decoder: for tests comparing it with `decompressBounded` only. */
export function unboundedDecompressFromEncodedURIComponent(data: string): string | null {
  return lz.decompressFromEncodedURIComponent(data);
}
