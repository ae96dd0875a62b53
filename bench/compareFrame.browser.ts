/**
 * Frame benchmark in comparison mode (two runs side by side, issue 15): the production build
 * (run `npm run build` first) in headless Chromium at 1280×720, playing at 1× from 1:00. For the
 * frame benchmark's scenario (100 records/s, 12 partitions, 4 groups) alone, as both runs of a
 * comparison, and for the comparison preset late-fraud-earliest-vs-latest it measures each
 * animation frame's main-thread time as bench/frame.browser.ts does (~8 s of playing), then
 * records a Chrome trace (~4 s) and splits the main thread's CPU time per frame into phases:
 * CPU time is not inflated when a loaded machine preempts the browser.
 *
 * `ROUNDS` (default 3) rounds; `BENCH_BUILDS=before=/path/to/dist,after=dist` compares builds,
 * alternating them in every round, so both see the same machine. Prints, per build and view,
 * the median over rounds of p50 / p95 with their range, and the median CPU per frame; the
 * machine's load average before and after. Not a test: shared machines are noisy.
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { COMPARE_BENCH_CASES } from './compareFrameCases';
import { serveDist } from './serveDist';
import { FIXED_FRAME_CLOCK, FRAME_INSTRUMENT, type TraceEvent } from './frameBench';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const BUILDS = (process.env.BENCH_BUILDS ?? 'current=dist').split(',').map((entry) => {
  const [label, dir] = entry.split('=');
  return { label: label!, dir: resolve(dir!) };
});
const ONLY = process.env.CASES ? Number(process.env.CASES) : null;
const CASES = ONLY === null ? COMPARE_BENCH_CASES : COMPARE_BENCH_CASES.slice(0, ONLY);

const PHASES: Array<[string, string]> = [
  ['FireAnimationFrame', 'script'],
  ['UpdateLayoutTree', 'style'],
  ['Layout', 'layout'],
  ['PrePaint', 'pre-paint'],
  ['Paint', 'paint'],
  ['Layerize', 'layerize'],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

interface Measured {
  frames: number[];
  cpu: Record<string, number>;
}

async function measure(port: number, hash: string): Promise<Measured> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  if (process.env.FIXED_FRAME_CLOCK) await page.addInitScript(FIXED_FRAME_CLOCK);
  await page.addInitScript(FRAME_INSTRUMENT);
  await page.goto(`http://127.0.0.1:${port}/${hash}`);
  await page.waitForFunction(() => Boolean((window as unknown as { __logscope?: unknown }).__logscope));
  await page.waitForFunction('window.__logscope.now() >= 60000 || location.hash.startsWith("#preset=")');
  await page.evaluate('window.__logscope.seek(Math.max(60000, window.__logscope.now()))');
  await page.evaluate('window.__frameTimes.length = 0; window.__logscope.play()');
  await page.waitForTimeout(8000);
  const frames = (await page.evaluate('window.__frameTimes.slice()')) as number[];
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  await page.waitForTimeout(4000);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await page.evaluate('window.__logscope.pause()');
  await page.close();
  const events = trace.traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const slices = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  const count = Math.max(1, slices.filter((e) => e.name === 'FireAnimationFrame').length);
  const cpu: Record<string, number> = {};
  for (const [name] of PHASES) cpu[name] = slices.filter((e) => e.name === name).reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000 / count;
  // Every main-thread task's CPU (idle-time work such as the difference table included).
  cpu.tasks = slices.filter((e) => e.name.endsWith('RunTask')).reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000 / count;
  return { frames, cpu };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const median = (values: number[]) => percentile(values, 50);

const servers = [];
for (const build of BUILDS) servers.push({ build, ...(await serveDist('bench:compare-frames', build.dir)) });
const loadBefore = loadavg();
const results = new Map<string, Measured[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const { label: view, hash } of CASES) {
    // Alternate which build goes first, so neither always meets the machine in the same state.
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const { build, port } of order) {
      const key = `${build.label}\u0000${view}`;
      results.set(key, [...(results.get(key) ?? []), await measure(port, hash)]);
    }
  }
}
const loadAfter = loadavg();
await browser.close();
for (const { server } of servers) server.close();

const range = (values: number[]) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;
const rows: string[] = [];
for (const { label: view } of CASES) {
  for (const { build } of servers) {
    const runs = results.get(`${build.label}\u0000${view}`)!;
    const p50s = runs.map((r) => percentile(r.frames, 50));
    const p95s = runs.map((r) => percentile(r.frames, 95));
    const cpu = (name: string) => median(runs.map((r) => r.cpu[name]!)).toFixed(2);
    const phases = PHASES.map(([name]) => cpu(name)).join(' | ');
    rows.push(`| ${view} | ${build.label} | ${median(p50s).toFixed(1)} ms (${range(p50s)}) | ${median(p95s).toFixed(1)} ms (${range(p95s)}) | ${phases} | ${cpu('tasks')} |`);
  }
}
const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');
console.log(
  [
    `${ROUNDS} rounds, ${cpus().length} cores; load average (1 / 5 / 15 min) ${load(loadBefore)} before, ${load(loadAfter)} after.`,
    '',
    `| view (1280×720, playing at 1× from 1:00) | build | frame p50, median of rounds (range) | frame p95, median (range) | ${PHASES.map(([, label]) => label).join(' | ')} | all main-thread tasks |`,
    `|---|---|---|---|${PHASES.map(() => '---|').join('')}---|`,
    ...rows,
    '',
    'CPU columns: median over rounds of main-thread CPU ms per animation frame (Chrome trace, thread time).',
  ].join('\n'),
);
