/**
 * Checkpoint memory in Chromium: bundles bench/checkpointMemoryPage.ts into an empty page, plays
 * each case with the lab's live run (the real checkpoint policy) in 1 s steps, and prints how
 * many checkpoints it kept, on which grids, and the heap they hold (freed when they are dropped,
 * after full collections) against the policy's estimate (`Checkpoints.totalBytes`). This is what
 * calibrates the estimate in src/app/checkpoints.ts. Measured in the browser, not in Node: V8 in
 * Chromium compresses pointers, so the same tables take about half the bytes. Each case runs in
 * a fresh browser.
 *
 * `node --import tsx bench/checkpointMemory.browser.ts [--case n]` (n: 0, 1 or 2; all by default)
 */
import { chromium } from '@playwright/test';
import { build } from 'vite';
import type { MemoryCase } from './checkpointMemoryPage';

/** The cases of bench/checkpointMemoryPage.ts (its MEMORY_CASES; that file runs only in the page). */
const CASES = 3;
const caseArgument = process.argv.indexOf('--case');
const ONLY = caseArgument === -1 ? undefined : Number(process.argv[caseArgument + 1]);

const output = await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    write: false,
    minify: false,
    lib: { entry: new URL('./checkpointMemoryPage.ts', import.meta.url).pathname, formats: ['iife'], name: 'checkpointMemory' },
  },
});
const bundle = (Array.isArray(output) ? output[0]! : output) as { output: Array<{ type: string; code?: string }> };
const code = bundle.output.find((chunk) => chunk.type === 'chunk')!.code!;

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
console.log('case | checkpoints | fine / coarse grid | widest gap | estimated | measured | heap with them | playing');
for (let index = 0; index < CASES; index++) {
  if (ONLY !== undefined && index !== ONLY) continue;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const page = await browser.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: code });
  const c = (await page.evaluate(`window.measureCheckpoints(${index})`)) as MemoryCase;
  console.log(
    `${c.name} | ${c.count} | ${c.fineMs / 1000} / ${c.coarseMs / 1000} s | ${c.widestGapMs / 1000} s | ${mib(c.estimatedBytes)} | ` +
      `${mib(c.measuredBytes)} | ${mib(c.heapBytes)} | ${(c.playWallMs / 1000).toFixed(0)} s`,
  );
  await browser.close();
}
