/**
 * Start-up JavaScript check (issue 21's budget): builds the app into a temporary folder and sums
 * the gzipped size of what the page loads at start, the entry script and every modulepreload
 * that index.html names; everything else loads on demand. Prints each file's size, the total
 * against the 200 KB budget, and what loads on demand; fails (exit 1) when the total is over the
 * budget, or when the offline worker's precache list (dist/sw.js) misses a built script, since a
 * chunk loaded on demand must also open offline. Measures bytes, not time: run by `npm run bench`
 * and alone as `npm run bench:startup`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** 200 KB, as `npm run bench:frames` counts it (KB = 1,024 bytes). */
const BUDGET_BYTES = 200 * 1024;

const outDir = mkdtempSync(join(tmpdir(), 'logscope-startup-'));
try {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  // `<script type="module" src="./assets/x.js">` and `<link rel="modulepreload" href="./assets/y.js">`.
  const atStart = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const scripts = readdirSync(join(outDir, 'assets')).filter((name) => name.endsWith('.js')).map((name) => `assets/${name}`);
  const gzipped = (file: string) => gzipSync(readFileSync(join(outDir, file))).length;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

  const startSizes = atStart.map((file) => [file, gzipped(file)] as const).sort((a, b) => b[1] - a[1]);
  const onDemand = scripts.filter((file) => !atStart.includes(file)).map((file) => [file, gzipped(file)] as const).sort((a, b) => b[1] - a[1]);
  const total = startSizes.reduce((sum, [, bytes]) => sum + bytes, 0);
  const onDemandTotal = onDemand.reduce((sum, [, bytes]) => sum + bytes, 0);

  console.log('JavaScript loaded at start (gzipped):');
  for (const [file, bytes] of startSizes) console.log(`  ${kb(bytes).padStart(9)}  ${file}`);
  console.log(`  ${kb(total).padStart(9)}  total, ${(total / BUDGET_BYTES).toFixed(2)} of the ${kb(BUDGET_BYTES)} budget`);
  console.log(`Loaded on demand: ${kb(onDemandTotal)} gzipped in ${onDemand.length} file(s):`);
  for (const [file, bytes] of onDemand) console.log(`  ${kb(bytes).padStart(9)}  ${file}`);

  const worker = readFileSync(join(outDir, 'sw.js'), 'utf8');
  const notCached = scripts.filter((file) => !worker.includes(JSON.stringify(file)));
  const problems = [
    ...(total > BUDGET_BYTES ? [`start-up JavaScript is ${kb(total)} gzipped; the budget is ${kb(BUDGET_BYTES)}`] : []),
    ...(notCached.length > 0 ? [`the offline worker does not precache ${notCached.join(', ')}`] : []),
  ];
  for (const problem of problems) console.error(`bench:startup: ${problem}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
