/**
 * Seek benchmark over a long run (issue 21's seek target): headless Chromium, the production
 * build (run `npm run build` first; this script builds nothing), the email-outage story's
 * topology (inventory, billing → payments → shipping, email; stateful handlers) at 100 orders/s,
 * retention.ms 10 minutes, with its crash, restart and captions removed so nothing fails. It
 * plays the run to 60 minutes of virtual time in 1 s steps (as the 10-minute benchmark does),
 * then seeks to 40 pseudo-random times (a fixed sequence) and measures each seek: the engine
 * work alone, and until the next frame has been painted; then scrubs (30 seeks back in 2 s
 * steps from 45:00). Each run is a fresh browser; the figures of several runs are reported as
 * median (min–max).
 *
 * `node --import tsx bench/seek1h.browser.ts [--runs n] [--no-write]`: prints the figures and,
 * unless `--no-write`, writes them into doc/benchmarks.md between the seek1h-bench markers.
 * Not a test: these machines are shared and noisy, so nothing here passes or fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { serveDist } from './serveDist';
import { OUTAGE_RATE_PER_SEC as RATE_PER_SEC, OUTAGE_RETENTION_MS as RETENTION_MS, outageHour as scenario } from './seekScenarios';

const RUN_MS = 3_600_000;
const SEEKS = 40;
/** Progress is sampled this often while playing (virtual time). */
const SAMPLE_EVERY_MS = 600_000;
/** The lab's fine checkpoint grid (src/app/checkpoints.ts), for the replay estimate only. */
const FINE_MS = 5_000;
const SCRUB_FROM_MS = 2_700_000;
const SCRUB_STEP_MS = 2_000;
const SCRUB_STEPS = 30;

const runsArgument = process.argv.indexOf('--runs');
const RUNS = runsArgument === -1 ? 3 : Math.max(1, Number(process.argv[runsArgument + 1]));
const WRITE = !process.argv.includes('--no-write');

interface Sample {
  atMs: number;
  wallMs: number;
  checkpoints: number;
  heapMiB: number;
}

interface SeekTimes {
  engine: number[];
  painted: number[];
  /** Virtual time each seek had to replay from the checkpoint it started at. */
  replayedMs: number[];
}

interface RunFigures extends SeekTimes {
  playWallMs: number;
  records: number;
  checkpoints: { count: number; intervalMs: number; timesMs: number[] };
  samples: Sample[];
  scrub: SeekTimes;
  heapAfterPlayMiB: number;
  heapAtEndMiB: number;
}

const { server, port } = await serveDist('bench:browser (1 h)');

/** One run in a fresh browser: load, play to 60 minutes, then time the seeks. */
async function measure(): Promise<RunFigures> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => Boolean((window as unknown as { __logscope?: unknown }).__logscope));
  // In-page code is passed as text: tsx would otherwise wrap its named functions in a helper
  // that does not exist in the page.
  const loaded = (await page.evaluate(`window.__logscope.load(${JSON.stringify(scenario)})`)) as { ok: boolean; error?: string };
  if (!loaded.ok) throw new Error(`load failed: ${loaded.error}`);
  // Heap in use after a full collection (MiB): what the page really holds.
  const heapSource = `(() => { window.gc(); window.gc(); return performance.memory.usedJSHeapSize / 2 ** 20; })`;
  // Plays to 60 minutes in 1-second steps, as playback would (checkpoints on the way), in
  // chunks so the progress is printed.
  const samples: Sample[] = [];
  let playWallMs = 0;
  for (let from = 0; from < RUN_MS; from += SAMPLE_EVERY_MS) {
    const chunk = (await page.evaluate(`(async () => {
      const api = window.__logscope;
      const started = performance.now();
      for (let t = ${from + 1000}; t <= ${from + SAMPLE_EVERY_MS}; t += 1000) await api.seek(t);
      return { wallMs: performance.now() - started, checkpoints: api.checkpoints().count, heapMiB: ${heapSource}() };
    })()`)) as Omit<Sample, 'atMs'>;
    playWallMs += chunk.wallMs;
    samples.push({ ...chunk, atMs: from + SAMPLE_EVERY_MS, wallMs: playWallMs });
    console.log(`  played to ${(from + SAMPLE_EVERY_MS) / 60_000} min: ${(playWallMs / 1000).toFixed(1)} s, ${chunk.checkpoints} checkpoints, heap ${chunk.heapMiB.toFixed(0)} MiB`);
  }
  const afterPlay = (await page.evaluate(`(() => {
    const api = window.__logscope;
    return { records: api.summary().producers.checkout.sent, checkpoints: api.checkpoints() };
  })()`)) as Pick<RunFigures, 'records' | 'checkpoints'>;
  const heapAfterPlayMiB = (await page.evaluate(`${heapSource}()`)) as number;
  const timings = await timeSeeks(page, randomTargets());
  // Scrubbing: from 45:00, backwards in 2 s steps to 44:00, as dragging the playhead does.
  await page.evaluate(`window.__logscope.seek(${SCRUB_FROM_MS})`);
  const scrub = await timeSeeks(page, Array.from({ length: SCRUB_STEPS }, (_, i) => SCRUB_FROM_MS - (i + 1) * SCRUB_STEP_MS));
  const heapAtEndMiB = (await page.evaluate(`${heapSource}()`)) as number;
  await browser.close();
  return { playWallMs, samples, heapAfterPlayMiB, heapAtEndMiB, ...afterPlay, ...timings, scrub };
}

/** The random seeks' targets: the 10-minute benchmark's fixed sequence, over the hour. */
function randomTargets(): number[] {
  let state = 12345;
  return Array.from({ length: SEEKS }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return Math.floor((state / 2 ** 32) * RUN_MS);
  });
}

/** Seeks to each target in turn, timing the engine work and until the next frame is painted. */
async function timeSeeks(page: Page, targets: number[]): Promise<SeekTimes> {
  return (await page.evaluate(`(async () => {
    const api = window.__logscope;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    const engine = [];
    const painted = [];
    const replayedMs = [];
    for (const target of ${JSON.stringify(targets)}) {
      // As LiveRun.prepareSeek decides: back, or forward past a checkpoint more than one fine
      // interval ahead, from the nearest checkpoint; else on from where the run is.
      const from = api.checkpoints().timesMs.filter((t) => t <= target).pop() ?? 0;
      replayedMs.push(target < api.now() || from - api.now() > ${FINE_MS} ? target - from : target - api.now());
      await frame();
      const started = performance.now();
      await api.seek(target);
      engine.push(performance.now() - started);
      await frame();
      painted.push(performance.now() - started);
    }
    return { engine, painted, replayedMs };
  })()`)) as SeekTimes;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

const runs: RunFigures[] = [];
for (let i = 0; i < RUNS; i++) {
  console.log(`run ${i + 1} of ${RUNS}`);
  runs.push(await measure());
}
server.close();

/** One figure per run, shown as the median and, with several runs, the range. */
function spread(values: number[], format: (value: number) => string): string {
  const median = quantile(values, 0.5);
  if (values.length === 1) return format(median);
  return `${format(median)} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}
const ms = (value: number) => `${value.toFixed(0)} ms`;
const s = (value: number) => `${(value / 1000).toFixed(1)} s`;
const mib = (value: number) => `${value.toFixed(0)} MiB`;
const count = (value: number) => value.toLocaleString('en-US');
const gaps = (times: number[]) => times.map((t, i) => t - (times[i - 1] ?? 0));

const rows: Array<[string, string]> = [
  ['records produced in 60 min', spread(runs.map((r) => r.records), count)],
  ['playing to 60 min (1 s steps, checkpoints taken)', spread(runs.map((r) => r.playWallMs), s)],
  ['checkpoints kept after playing', spread(runs.map((r) => r.checkpoints.count), count)],
  ['coarse grid interval (checkpoints far from the playhead)', spread(runs.map((r) => r.checkpoints.intervalMs), s)],
  ['widest gap between checkpoints', spread(runs.map((r) => Math.max(...gaps(r.checkpoints.timesMs), RUN_MS - (r.checkpoints.timesMs.at(-1) ?? 0))), s)],
  [`random seeks (${SEEKS}): virtual time replayed, median`, spread(runs.map((r) => quantile(r.replayedMs, 0.5)), s)],
  ['random seeks: virtual time replayed, worst', spread(runs.map((r) => Math.max(...r.replayedMs)), s)],
  ['random seeks: engine, median', spread(runs.map((r) => quantile(r.engine, 0.5)), ms)],
  ['random seeks: engine, 95th percentile', spread(runs.map((r) => quantile(r.engine, 0.95)), ms)],
  ['random seeks: engine, worst', spread(runs.map((r) => Math.max(...r.engine)), ms)],
  ['random seeks: until the next frame is painted, median', spread(runs.map((r) => quantile(r.painted, 0.5)), ms)],
  ['random seeks: until painted, 95th percentile', spread(runs.map((r) => quantile(r.painted, 0.95)), ms)],
  ['random seeks: until painted, worst', spread(runs.map((r) => Math.max(...r.painted)), ms)],
  [`scrubbing (${SCRUB_STEPS} seeks back in ${SCRUB_STEP_MS / 1000} s steps from 45:00): virtual time replayed, worst`, spread(runs.map((r) => Math.max(...r.scrub.replayedMs)), s)],
  ['scrubbing: until painted, median', spread(runs.map((r) => quantile(r.scrub.painted, 0.5)), ms)],
  ['scrubbing: until painted, 95th percentile', spread(runs.map((r) => quantile(r.scrub.painted, 0.95)), ms)],
  ['scrubbing: until painted, worst', spread(runs.map((r) => Math.max(...r.scrub.painted)), ms)],
  ['JS heap after GC, at 10 / 30 / 60 min of playing', spread(runs.map((r) => r.samples[0]!.heapMiB), mib) + ' / ' + spread(runs.map((r) => r.samples[2]!.heapMiB), mib) + ' / ' + spread(runs.map((r) => r.heapAfterPlayMiB), mib)],
  ['JS heap after GC, after the seeks', spread(runs.map((r) => r.heapAtEndMiB), mib)],
  ['goal (issue 21): every seek', 'p95 under 100 ms, worst under 200 ms'],
];
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`LogScope 1-hour seek benchmark (headless Chromium, production build; email-outage topology at ${RATE_PER_SEC} orders/s, no failures; ${RUNS} run(s): median (min–max))`);
for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
for (const [i, run] of runs.entries()) {
  console.log(`  run ${i + 1}: engine ms ${run.engine.map((v) => v.toFixed(0)).join(' ')}`);
  console.log(`  run ${i + 1}: painted ms ${run.painted.map((v) => v.toFixed(0)).join(' ')}`);
  console.log(`  run ${i + 1}: replayed s ${run.replayedMs.map((v) => (v / 1000).toFixed(1)).join(' ')}`);
  console.log(`  run ${i + 1}: scrub painted ms ${run.scrub.painted.map((v) => v.toFixed(0)).join(' ')}`);
  console.log(`  run ${i + 1}: scrub replayed s ${run.scrub.replayedMs.map((v) => (v / 1000).toFixed(1)).join(' ')}`);
  console.log(`  run ${i + 1}: checkpoint times s ${run.checkpoints.timesMs.map((t) => t / 1000).join(' ')}`);
}

if (WRITE) {
  const START = '<!-- seek1h-bench:start -->';
  const END = '<!-- seek1h-bench:end -->';
  const section = [
    START,
    '## Browser: seeking in a 1-hour run (`npm run bench:browser`)',
    '',
    `${new Date().toISOString().slice(0, 10)}, headless Chromium at 1280×720, the production build; the email-outage story's`,
    `topology and seed at ${RATE_PER_SEC} orders/s, retention.ms ${RETENTION_MS / 60_000} minutes, its crash, restart and captions removed.`,
    `Played to 60 minutes in 1 s steps, then ${SEEKS} seeks to pseudo-random times (a fixed sequence), then`,
    `${SCRUB_STEPS} seeks back in ${SCRUB_STEP_MS / 1000} s steps from 45:00 (scrubbing);`,
    `${RUNS} run(s), each in a fresh browser: median (min–max) of the runs' figures.`,
    '',
    '| figure | value |',
    '|---|---|',
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
    END,
  ].join('\n');
  const docPath = join(process.cwd(), 'doc', 'benchmarks.md');
  const doc = readFileSync(docPath, 'utf8');
  const next = doc.includes(START) ? doc.replace(new RegExp(`${START}[\\s\\S]*?${END}`), section) : doc.replace(/(<!-- seek-bench:end -->\n)/, `$1\n${section}\n`);
  writeFileSync(docPath, next);
  console.log(`Figures written to ${docPath}.`);
}
