/**
 * A tiny static server for the production build in dist/ on a free loopback port, for the
 * browser benchmarks (no dev server, no build). Exits with a clear message when dist/ is
 * missing.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/** The build served: dist/, or another (`BENCH_DIST`, e.g. a build of an earlier commit for a before/after). */
export const DIST = process.env.BENCH_DIST ?? join(process.cwd(), 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

export async function serveDist(benchName: string, dist = DIST): Promise<{ server: Server; port: number }> {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`${benchName}: ${dist}/index.html is missing; run \`npm run build\` first.`);
    process.exit(2);
  }
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent((request.url ?? '/').split('?')[0]!)).replace(/^([/\\])+/, '');
    let file = join(dist, path === '' ? 'index.html' : path);
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
