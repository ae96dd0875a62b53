/**
 * Frame benchmark in the real app: headless Chromium, the production build (run `npm run build`
 * first), a checkout-like scenario at 100 records/s with 12 partitions and 4 groups, playing at
 * 1× on the partitions tab, scrolled to its lanes, on the lag tab, and as both runs of a
 * comparison (issue 15: the frame budget holds in comparison mode too). `RUNS` runs per view
 * (default 3), interleaved, report the median and range. For each animation frame it measures the main
 * thread's busy time: from the start of the frame's callbacks until a task queued behind them
 * runs (so React's render, style, layout and paint of that frame are included). Also reports
 * the JavaScript shipped, gzipped. A second pass records a Chrome trace and splits the main
 * thread's CPU time per frame into phases (script, style, layout, paint, ...): CPU time is not
 * inflated when the shared machine preempts the browser, so it shows where the time goes even
 * on a busy run. Prints the figures and writes them into doc/benchmarks.md between the
 * frame-bench markers. Not a test: shared machines are noisy.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { DIST, serveDist } from './serveDist';
import { COMPARE_BENCH_CASES } from './compareFrameCases';
import { FRAME_BENCH_SCENARIO, FRAME_INSTRUMENT, type TraceEvent } from './frameBench';

const { server, port } = await serveDist('bench:frames');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

// Wraps requestAnimationFrame before the app loads: each frame records the time from its first
// callback until a MessageChannel task queued after the callbacks runs.

/**
 * The views measured: the top of the page on two tabs, the lanes scrolled into view, and the
 * comparison view (issue 15) with that scenario as both runs, opened from its link.
 */
const VIEWS: ReadonlyArray<{ label: string; tab: string | null; scrollTo: string | null; hash?: string }> = [
  { label: 'Partitions tab', tab: 'Partitions', scrollTo: null },
  { label: 'Partitions tab, scrolled to the lanes', tab: 'Partitions', scrollTo: '.topic-lanes' },
  { label: 'Lag tab', tab: 'Lag', scrollTo: null },
  { label: 'Comparison: that scenario as run A and run B', tab: null, scrollTo: null, hash: COMPARE_BENCH_CASES[1]!.hash },
];
type View = (typeof VIEWS)[number];

async function open(view: View) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(FRAME_INSTRUMENT);
  if (view.hash) {
    await page.goto(`http://127.0.0.1:${port}/${view.hash}`);
    await page.waitForFunction(() => Boolean((window as unknown as { __logscope?: unknown }).__logscope));
    await page.waitForFunction('window.__logscope.comparison() !== null && window.__logscope.now() >= 60000');
    await page.evaluate('window.__logscope.seek(60000)');
    return page;
  }
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => Boolean((window as unknown as { __logscope?: unknown }).__logscope));
  const loaded = (await page.evaluate(`window.__logscope.load(${JSON.stringify(FRAME_BENCH_SCENARIO)})`)) as { ok: boolean; error?: string };
  if (!loaded.ok) throw new Error(`load failed: ${loaded.error}`);
  await page.evaluate('window.__logscope.advance(60000)');
  if (view.tab) await page.getByRole('tab', { name: view.tab }).click();
  if (view.scrollTo) await page.locator(view.scrollTo).evaluate((element) => element.scrollIntoView({ block: 'start' }));
  return page;
}

async function measure(view: View): Promise<number[]> {
  const page = await open(view);
  await page.evaluate('window.__frameTimes.length = 0; window.__logscope.play()');
  // Play ~8 s of wall time (the app's own clock); this is a benchmark, not a test.
  await page.waitForTimeout(8000);
  const times = (await page.evaluate('window.__logscope.pause(); window.__frameTimes.slice()')) as number[];
  await page.close();
  return times;
}

const PHASES: Array<[string, string]> = [
  ['FireAnimationFrame', 'script (frame callback, React)'],
  ['UpdateLayoutTree', 'style'],
  ['Layout', 'layout'],
  ['PrePaint', 'pre-paint'],
  ['Paint', 'paint'],
  ['Layerize', 'layerize'],
];

/** Mean main-thread CPU milliseconds per animation frame, per phase, over ~5 s of playing. */
async function profile(view: View): Promise<Record<string, number>> {
  const page = await open(view);
  await page.evaluate('window.__logscope.play()');
  await page.waitForTimeout(500);
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  await page.waitForTimeout(5000);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await page.close();
  const events = trace.traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const slices = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  const frames = Math.max(1, slices.filter((e) => e.name === 'FireAnimationFrame').length);
  const perFrame: Record<string, number> = {};
  for (const [name] of PHASES) {
    perFrame[name] = slices.filter((e) => e.name === name).reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000 / frames;
  }
  return perFrame;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Runs per view (`RUNS`, default 3), interleaved across views: the spread is reported, not the best run. */
const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));
const loadBefore = loadavg();
const runs = new Map<string, number[][]>(VIEWS.map((view) => [view.label, []]));
for (let run = 0; run < RUNS; run++) for (const view of VIEWS) runs.get(view.label)!.push(await measure(view));
const phases: Array<[string, Record<string, number>]> = [];
for (const view of VIEWS) phases.push([view.label, await profile(view)]);
const loadAfter = loadavg();
await browser.close();
server.close();

const median = (values: number[]) => percentile(values, 50);
/** Median of the runs, with the range when there are several. */
function spread(values: number[], digits = 1): string {
  const m = median(values).toFixed(digits);
  return values.length < 2 ? m : `${m} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
}
const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');

const assets = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
const gzipOf = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, 'assets', f))).length, 0);
// Loaded at start: what index.html names (the entry and its preloads); the rest loads on demand
// (lessons, the QR code, the link encoder's worker).
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initial = assets.filter((f) => html.includes(`assets/${f}`));
const gzipBytes = gzipOf(initial);
const onDemandBytes = gzipOf(assets.filter((f) => !initial.includes(f)));

const lines = [
  '<!-- frame-bench:start -->',
  '## Frames: 100 records/s, 12 partitions, 4 groups, playing at 1× (`npm run bench:frames`)',
  '',
  `Main-thread time per animation frame in headless Chromium at 1280×720 (goal: p95 under 8 ms), and the JavaScript loaded at start (goal: under 200 KB gzipped). Measured ${new Date().toISOString().slice(0, 10)}.`,
  '',
  `${RUNS} run(s) of ~8 s per view, interleaved; median of the runs (range). ${cpus().length} cores; load average (1 / 5 / 15 min) ${load(loadBefore)} before, ${load(loadAfter)} after: on a loaded machine wall-clock frame times mean little, the CPU table below more.`,
  '',
  '| view | frames per run | p50 | p95 | max | p95 / goal |',
  '|---|---|---|---|---|---|',
  ...VIEWS.map(({ label }) => {
    const all = runs.get(label)!;
    const p95s = all.map((t) => percentile(t, 95));
    return `| ${label} | ${spread(all.map((t) => t.length), 0)} | ${spread(all.map((t) => percentile(t, 50)))} ms | ${spread(p95s)} ms | ${spread(all.map((t) => Math.max(...t)))} ms | ${(median(p95s) / 8).toFixed(2)} |`;
  }),
  '',
  'Where the main thread\'s CPU time goes, mean per frame (from a Chrome trace of ~5 s of playing):',
  '',
  `| view | ${PHASES.map(([, label]) => label).join(' | ')} | total |`,
  `|---|${PHASES.map(() => '---|').join('')}---|`,
  ...phases.map(
    ([tab, p]) =>
      `| ${tab} | ${PHASES.map(([name]) => `${p[name]!.toFixed(2)} ms`).join(' | ')} | ${Object.values(p).reduce((a, b) => a + b, 0).toFixed(2)} ms |`,
  ),
  '',
  `JavaScript loaded at start: ${(gzipBytes / 1024).toFixed(1)} KB gzipped (${initial.length} file(s)); ratio to the 200 KB goal ${(gzipBytes / 1024 / 200).toFixed(2)}. Loaded on demand: ${(onDemandBytes / 1024).toFixed(1)} KB gzipped (${assets.length - initial.length} file(s)).`,
  '<!-- frame-bench:end -->',
];
const section = lines.join('\n');
console.log(section);
const docPath = join(process.cwd(), 'doc', 'benchmarks.md');
const doc = readFileSync(docPath, 'utf8');
const next = doc.includes('<!-- frame-bench:start -->')
  ? doc.replace(/<!-- frame-bench:start -->[\s\S]*?<!-- frame-bench:end -->/, section)
  : `${doc.trimEnd()}\n\n${section}\n`;
writeFileSync(docPath, next);
