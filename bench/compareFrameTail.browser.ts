/**
 * The heaviest frames of a comparison (issue 15, issue 21's p95): plays the comparison of the
 * frame benchmark's scenario as run A and run B (bench/compareFrameCases.ts, 1280×720, 1× from
 * 1:00), records a Chrome trace and cuts the main thread into frames: a frame is every task from
 * the one that runs an animation frame's callbacks up to the next such task (React's scheduler
 * tasks, timers and idle callbacks in between count towards it). Prints the mean and 95th
 * percentile of main-thread thread time per frame, with and without idle-callback tasks (work
 * in the idle time after a frame, which bench/frame.browser.ts's wall time leaves out unless it
 * delays the next frame), the wall p50 / p95 of the same page as bench/frame.browser.ts
 * measures it, and what the heaviest 5 % of frames contain: phases, the kinds of task, and
 * (`SAMPLES=1`) the JavaScript functions sampled most, against the same for all frames.
 *
 * JavaScript samples cost CPU too: compare builds without them.
 * `BENCH_BUILDS=base=/tmp/base,mine=dist` alternates builds in each of `ROUNDS` rounds (default
 * 3); `CASE` picks a case of compareFrameCases.ts by its label's start, or is a link (`#preset=…`); `FIXED_FRAME_CLOCK=1`
 * tells every frame that exactly 1/60 s passed, so every build does the same work per frame.
 * Build without minifying for readable function names (`npx vite build --minify false`).
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { COMPARE_BENCH_CASES } from './compareFrameCases';
import { serveDist } from './serveDist';
import { FIXED_FRAME_CLOCK, FRAME_INSTRUMENT, mainThreadEvents, mainThreads, type TraceEvent } from './frameBench';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const TRACE_MS = Number(process.env.TRACE_MS ?? 6000);
const TOP = Number(process.env.TOP ?? 12);
/** JavaScript samples in the trace (`SAMPLES=1`): names the functions, but the sampling costs CPU too. */
const SAMPLES = Boolean(process.env.SAMPLES);
const DIAG = Boolean(process.env.DIAG);
const BUILDS = (process.env.BENCH_BUILDS ?? 'current=dist').split(',').map((entry) => {
  const [label, dir] = entry.split('=');
  return { label: label!, dir: resolve(dir!) };
});
const CASE = process.env.CASE?.startsWith('#')
  ? { label: process.env.CASE, hash: process.env.CASE }
  : (COMPARE_BENCH_CASES.find((c) => c.label.startsWith(process.env.CASE ?? 'comparison:')) ?? COMPARE_BENCH_CASES[1]!);

/**
 * `DIAG=1`: per frame, its wall time as FRAME_INSTRUMENT measures it, whether the playhead crossed a
 * whole virtual second in it (the lag samples: charts redraw), and the DOM mutations in each run's
 * region and in the charts (paced numbers and names redrawn), to tell which frames are heavy.
 */
const DIAG_INSTRUMENT = `(() => {
  const rows = [];
  window.__frameRows = rows;
  const raf = window.requestAnimationFrame.bind(window);
  let pending = false;
  let current = null;
  const where = (node) => {
    const element = node.nodeType === 1 ? node : node.parentElement;
    if (!element) return 'other';
    if (element.closest('.compare-runs > :first-child')) return 'a';
    if (element.closest('.compare-runs > :nth-child(2)')) return 'b';
    if (element.closest('.compare-charts')) return 'charts';
    return 'other';
  };
  new MutationObserver((records) => {
    if (!current) return;
    for (const record of records) current[where(record.target)]++;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.requestAnimationFrame = (callback) => raf((time) => {
    const start = performance.now();
    callback(time);
    if (pending) return;
    pending = true;
    const nowMs = window.__logscope ? window.__logscope.now() : 0;
    const row = { wall: 0, nowMs, a: 0, b: 0, charts: 0, other: 0 };
    current = row;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { row.wall = performance.now() - start; rows.push(row); pending = false; };
    channel.port2.postMessage(0);
  });
})();`;

interface CpuProfileChunk {
  nodes?: Array<{ id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber?: number } }>;
  samples?: number[];
}

/** Child events counted inside a frame's tasks (thread time, µs). */
const PHASES = ['FireAnimationFrame', 'FireIdleCallback', 'TimerFire', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR'];

interface Frame {
  startTs: number;
  threadUs: number;
  /** Thread time of idle-callback tasks in the frame (work after the frame, before the next). */
  idleUs: number;
  phases: Map<string, number>;
  /** Kind of each task in the frame: what it ran first (an idle callback, a timer, a message...). */
  tasks: Map<string, number>;
  functions: Map<string, number>;
}

const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);

function framesOf(events: TraceEvent[]): Frame[] {
  const onMain = mainThreadEvents(events);
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name.endsWith('RunTask'));
  const children = onMain.filter((e) => e.ph === 'X' && !e.name.endsWith('RunTask'));
  // Tasks running an animation frame's callbacks start a frame.
  const fires = children.filter((e) => e.name === 'FireAnimationFrame');
  const taskOf = (ts: number) => {
    let lo = 0;
    let hi = tasks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tasks[mid]!.ts <= ts) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const starts = [...new Set(fires.map((f) => taskOf(f.ts)))].sort((a, b) => a - b);
  const frames: Frame[] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const frame: Frame = { startTs: tasks[starts[i]!]!.ts, threadUs: 0, idleUs: 0, phases: new Map(), tasks: new Map(), functions: new Map() };
    for (let t = starts[i]!; t < starts[i + 1]!; t++) frame.threadUs += tasks[t]!.tdur ?? tasks[t]!.dur ?? 0;
    frames.push(frame);
  }
  const frameAt = (ts: number): Frame | undefined => {
    let lo = 0;
    let hi = frames.length - 1;
    if (frames.length === 0 || ts < frames[0]!.startTs) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (frames[mid]!.startTs <= ts) lo = mid;
      else hi = mid - 1;
    }
    return frames[lo];
  };
  // The first child of each task names its kind; phases sum the children's thread time.
  let lastTask = -1;
  for (const child of children) {
    const frame = frameAt(child.ts);
    if (!frame) continue;
    const us = child.tdur ?? child.dur ?? 0;
    if (PHASES.includes(child.name)) add(frame.phases, child.name, us);
    const task = taskOf(child.ts);
    if (task !== lastTask && tasks[task]!.ts + (tasks[task]!.dur ?? 0) >= child.ts) {
      lastTask = task;
      const data = child.args?.data ?? {};
      const detail = child.name === 'FunctionCall' ? `FunctionCall ${String(data.functionName ?? '')}` : child.name === 'EventDispatch' ? `EventDispatch ${String(data.type ?? '')}` : child.name;
      add(frame.tasks, detail, (tasks[task]!.tdur ?? tasks[task]!.dur ?? 0) / 1000);
      if (child.name === 'FireIdleCallback') frame.idleUs += tasks[task]!.tdur ?? tasks[task]!.dur ?? 0;
    }
  }
  // JavaScript samples (the trace's own CPU profile), each attributed to the frame it fell in.
  const nodes = new Map<number, { name: string; parent?: number }>();
  const main = mainThreads(events);
  const profileStart = events.find((e) => e.name === 'Profile' && main.has(`${e.pid}:${e.tid}`));
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.id === profileStart?.id).sort((a, b) => a.ts - b.ts);
  let ts = Number((profileStart?.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
  for (const chunk of chunks) {
    const data = chunk.args?.data as { cpuProfile?: CpuProfileChunk; timeDeltas?: number[] } | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) {
      const { functionName, url, lineNumber } = node.callFrame;
      nodes.set(node.id, { name: `${functionName || '(anonymous)'} ${(url ?? '').split('/').pop()}:${(lineNumber ?? 0) + 1}`, parent: node.parent });
    }
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    samples.forEach((id, i) => {
      ts += deltas[i] ?? 0;
      const name = nodes.get(id)?.name ?? '?';
      if (name.startsWith('(idle)') || name.startsWith('(program)')) return;
      const frame = frameAt(ts);
      if (frame) add(frame.functions, name, 1);
    });
  }
  return frames;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function open(port: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  if (process.env.FIXED_FRAME_CLOCK) await page.addInitScript(FIXED_FRAME_CLOCK);
  await page.addInitScript(DIAG ? DIAG_INSTRUMENT : FRAME_INSTRUMENT);
  await page.goto(`http://127.0.0.1:${port}/${CASE.hash}`);
  await page.waitForFunction(() => Boolean((window as unknown as { __logscope?: unknown }).__logscope));
  await page.waitForFunction('window.__logscope.now() >= 60000 || location.hash.startsWith("#preset=")');
  await page.evaluate('window.__logscope.seek(Math.max(60000, window.__logscope.now()))');
  return page;
}

interface Measured {
  frames: Frame[];
  wall: number[];
}

interface FrameRow {
  wall: number;
  nowMs: number;
  a: number;
  b: number;
  charts: number;
  other: number;
}

/** Which frames are heavy (DIAG): the heaviest 5 % by wall time against all, by what changed in them. */
function diagnose(rows: FrameRow[]): void {
  const classed = rows.map((row, i) => ({
    ...row,
    second: i > 0 && Math.floor(row.nowMs / 1000) !== Math.floor(rows[i - 1]!.nowMs / 1000),
  }));
  const tail = [...classed].sort((x, y) => y.wall - x.wall).slice(0, Math.max(1, Math.ceil(classed.length * 0.05)));
  const share = (list: typeof classed, test: (row: (typeof classed)[number]) => boolean) => `${((list.filter(test).length / Math.max(1, list.length)) * 100).toFixed(0)}%`;
  const kinds: Array<[string, (row: (typeof classed)[number]) => boolean]> = [
    ['crossed a virtual second', (r) => r.second],
    ['charts changed', (r) => r.charts > 0],
    ['run A region changed', (r) => r.a > 0],
    ['run B region changed', (r) => r.b > 0],
    ['both regions changed', (r) => r.a > 0 && r.b > 0],
    ['A or B region > 20 mutations', (r) => r.a > 20 || r.b > 20],
    ['both > 20 mutations', (r) => r.a > 20 && r.b > 20],
  ];
  console.log(`  DIAG: ${classed.length} frames, wall p95 ${percentile(classed.map((r) => r.wall), 95).toFixed(1)} ms`);
  for (const [label, test] of kinds) console.log(`    ${label.padEnd(32)} all ${share(classed, test).padStart(4)}  heaviest 5 % ${share(tail, test).padStart(4)}`);
}

async function measure(port: number): Promise<Measured> {
  const page = await open(port);
  await page.evaluate('window.__logscope.play()');
  await page.waitForTimeout(500);
  await page.evaluate(DIAG ? 'window.__frameRows.length = 0' : 'window.__frameTimes.length = 0');
  const categories = ['toplevel', 'devtools.timeline', 'v8'];
  if (SAMPLES) categories.push('disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler');
  await browser.startTracing(page, { categories });
  await page.waitForTimeout(TRACE_MS);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  if (DIAG) diagnose((await page.evaluate('window.__frameRows.slice()')) as FrameRow[]);
  const wall = (await page.evaluate(DIAG ? 'window.__logscope.pause(); window.__frameRows.map((r) => r.wall)' : 'window.__logscope.pause(); window.__frameTimes.slice()')) as number[];
  await page.close();
  return { frames: framesOf(trace.traceEvents), wall };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const servers = [];
for (const build of BUILDS) servers.push({ build, ...(await serveDist('bench:compare-tail', build.dir)) });
const load = () => loadavg().map((v) => v.toFixed(1)).join(' / ');
console.log(`${CASE.label}; ${cpus().length} cores; load ${load()} at the start`);
const results = new Map<string, Measured[]>();
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? servers : [...servers].reverse();
  for (const { build, port } of order) {
    const measured = await measure(port);
    results.set(build.label, [...(results.get(build.label) ?? []), measured]);
    const threadMs = measured.frames.map((f) => f.threadUs / 1000);
    const busyMs = measured.frames.map((f) => (f.threadUs - f.idleUs) / 1000);
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
    console.log(
      `round ${round + 1} ${build.label}: ${threadMs.length} frames, thread mean ${mean(threadMs).toFixed(2)} p95 ${percentile(threadMs, 95).toFixed(2)} max ${Math.max(...threadMs).toFixed(1)} ms; without idle callbacks mean ${mean(busyMs).toFixed(2)} p95 ${percentile(busyMs, 95).toFixed(2)} max ${Math.max(...busyMs).toFixed(1)} ms; wall p50 ${percentile(measured.wall, 50).toFixed(1)} p95 ${percentile(measured.wall, 95).toFixed(1)} ms (${measured.wall.length} frames); load ${load()}`,
    );
  }
}
await browser.close();
for (const { server } of servers) server.close();

const top = (map: Map<string, number>, n: number, unit: (v: number) => string) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `    ${unit(v).padStart(9)}  ${k}`)
    .join('\n');
for (const { build } of servers) {
  const all = results.get(build.label)!.flatMap((m) => m.frames);
  const sorted = [...all].sort((a, b) => b.threadUs - a.threadUs);
  const tail = sorted.slice(0, Math.max(1, Math.ceil(all.length * 0.05)));
  const summary = (frames: Frame[], label: string) => {
    const phases = new Map<string, number>();
    const tasks = new Map<string, number>();
    const functions = new Map<string, number>();
    let samples = 0;
    for (const f of frames) {
      for (const [k, v] of f.phases) add(phases, k, v / 1000 / frames.length);
      for (const [k, v] of f.tasks) add(tasks, k, v / frames.length);
      for (const [k, v] of f.functions) {
        add(functions, k, v);
        samples += v;
      }
    }
    const mean = frames.reduce((s, f) => s + f.threadUs, 0) / 1000 / frames.length;
    console.log(`  ${label}: ${frames.length} frames, thread time mean ${mean.toFixed(2)} ms`);
    console.log(`   phases, ms per frame:\n${top(phases, PHASES.length, (v) => v.toFixed(2))}`);
    console.log(`   tasks by what they ran first, ms per frame:\n${top(tasks, TOP, (v) => v.toFixed(2))}`);
    console.log(`   JavaScript samples (share of ${samples}):\n${top(functions, TOP, (v) => `${((v / Math.max(1, samples)) * 100).toFixed(1)}%`)}`);
  };
  console.log(`\n${build.label}: ${all.length} frames over ${ROUNDS} rounds`);
  summary(all, 'all frames');
  summary(tail, 'heaviest 5 %');
}
