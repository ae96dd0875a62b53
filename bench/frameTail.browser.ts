/**
 * What the heaviest frames hold (issue 21: the frame p95 is the tail, not the mean). The frame
 * benchmark's scenario and views (bench/frame.browser.ts) in headless Chromium, playing at 1×;
 * a Chrome trace of each run is cut into animation frames (from the frame's task to the
 * MessageChannel task the benchmark queues behind its callbacks, marked with a user-timing
 * measure), and each frame's main-thread CPU (thread time, so a loaded machine's preemption
 * does not count) is split by what ran in it: the frame callback, timers, React's scheduler
 * tasks, style, layout, paint, garbage collection. Prints mean and p95 of CPU per frame and, for
 * the heaviest 5 %, the average breakdown and what fired in them.
 *
 * `BENCH_BUILDS=base=/path/dist,mine=dist` compares builds, alternating them in every round;
 * `ROUNDS` (default 3); `VIEWS=0,1` picks views by index (default the Partitions tab and its
 * lanes); `SECONDS` of trace per run (default 5); `FIXED_FRAME_CLOCK=1` tells every frame that
 * exactly 1/60 s passed (the same work per frame whatever the load); `SAMPLE=1` adds V8's
 * sampling profiler and lists the functions that took the time in the heaviest frames (build
 * with `--minify false` to read them). Not a test: shared machines are noisy.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { serveDist } from './serveDist';
import { FIXED_FRAME_CLOCK, FRAME_BENCH_SCENARIO, mainThreadEvents, type TraceEvent } from './frameBench';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 5);
const SAMPLE = Boolean(process.env.SAMPLE);
const BUILDS = (process.env.BENCH_BUILDS ?? 'current=dist').split(',').map((entry) => {
  const [label, dir] = entry.split('=');
  return { label: label!, dir: resolve(dir!) };
});

const ALL_VIEWS = [
  { label: 'Partitions tab', tab: 'Partitions', scrollTo: null },
  { label: 'lanes', tab: 'Partitions', scrollTo: '.topic-lanes' },
  { label: 'Lag tab', tab: 'Lag', scrollTo: null },
] as const;
const VIEWS = (process.env.VIEWS ?? '0,1').split(',').map((i) => ALL_VIEWS[Number(i)]!);

// As bench/frame.browser.ts, plus a user-timing measure per frame so the trace can be cut.
const INSTRUMENT = `(() => {
  const frames = [];
  window.__frameTimes = frames;
  const raf = window.requestAnimationFrame.bind(window);
  // The real clock, even when FIXED_FRAME_CLOCK fakes the page's (installed after this).
  const now = performance.now.bind(performance);
  let pending = false;
  window.requestAnimationFrame = (callback) => raf((time) => {
    const start = now();
    callback(time);
    if (pending) return;
    pending = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const end = now();
      performance.measure('frame#' + frames.length, { start, end });
      frames.push(end - start);
      if (window.__renders) { (window.__frameLog ??= []).push(window.__renders); window.__renders = {}; }
      pending = false;
    };
    channel.port2.postMessage(0);
  });
})();`;

// DIAG=1: React's devtools hook counts, per frame, the components that rendered (by name; build
// with \`--minify false\` to read them) and the host nodes React updated.
const RENDER_COUNTS = `(() => {
  window.__renders = {};
  const count = (name) => { window.__renders[name] = (window.__renders[name] ?? 0) + 1; };
  const nameOf = (type) => type && (type.displayName || type.name || (type.type && (type.type.displayName || type.type.name)) || (type.render && type.render.name)) || '?';
  const walk = (fiber) => {
    for (let f = fiber; f; f = f.sibling) {
      const prev = f.alternate;
      if ((f.tag === 0 || f.tag === 11 || f.tag === 14 || f.tag === 15) && (prev === null || (f.flags & 1))) count(nameOf(f.type));
      if ((f.tag === 5 || f.tag === 6) && prev !== null && (f.flags & 4)) count(f.tag === 6 ? '#text' : '#' + f.type);
      if (prev === null || f.child !== prev.child) walk(f.child);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(),
    inject() { return 1; }, checkDCE() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, onScheduleFiberRoot() {},
    onCommitFiberRoot(_id, root) { count('(commit)'); walk(root.current.child); },
  };
})();`;

/** Named slices counted per frame (their thread time; nested ones are reported apart). */
const KINDS = ['FireAnimationFrame', 'TimerFire', 'FunctionCall', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MC_INCREMENTAL'];

interface Frame {
  cpu: number;
  wall: number;
  kinds: Record<string, number>;
  /** What ran outside the frame callback: timers and scheduler tasks, by function. */
  tasks: string[];
  layouts: string[];
  samples: Map<string, number>;
  /** DIAG: components rendered and host nodes updated in the frame. */
  renders: Record<string, number>;
}

async function open(port: number, view: (typeof VIEWS)[number]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  if (process.env.DIAG) await page.addInitScript(RENDER_COUNTS);
  await page.addInitScript(INSTRUMENT);
  if (process.env.FIXED_FRAME_CLOCK) await page.addInitScript(FIXED_FRAME_CLOCK);
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => Boolean((window as unknown as { __logscope?: unknown }).__logscope));
  const loaded = (await page.evaluate(`window.__logscope.load(${JSON.stringify(FRAME_BENCH_SCENARIO)})`)) as { ok: boolean; error?: string };
  if (!loaded.ok) throw new Error(`load failed: ${loaded.error}`);
  await page.evaluate('window.__logscope.advance(60000)');
  await page.getByRole('tab', { name: view.tab }).click();
  if (view.scrollTo) await page.locator(view.scrollTo).evaluate((element) => element.scrollIntoView({ block: 'start' }));
  return page;
}

const where = (data: Record<string, unknown> | undefined) =>
  data ? `${String(data.functionName || '?')}@${String(data.url ?? '').split('/').pop()}:${String(data.lineNumber ?? '')}` : '?';

function cut(events: TraceEvent[], log: Array<Record<string, number>>): Frame[] {
  const onMain = mainThreadEvents(events);
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
  const slices = onMain.filter((e) => e.ph === 'X');
  // User-timing measures: async begin/end pairs named 'frame'.
  const begins = new Map<string, number>();
  const windows: Array<[number, number, number]> = [];
  for (const e of events) {
    if (!e.name.startsWith('frame#') || !e.cat.includes('blink.user_timing')) continue;
    const key = `${e.name}:${e.id ?? e.id2?.local}`;
    if (e.ph === 'b') begins.set(key, e.ts);
    else if (e.ph === 'e' && begins.has(key)) windows.push([begins.get(key)!, e.ts, Number(e.name.slice(6))]);
  }
  windows.sort((a, b) => a[0] - b[0]);
  // CPU samples, if any: each sample's leaf function, at its time.
  const samples: Array<[number, string]> = [];
  if (SAMPLE) {
    const nodes = new Map<number, string>();
    let time = 0;
    for (const e of events) {
      if (e.name === 'Profile') time = Number((e.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
      if (e.name !== 'ProfileChunk') continue;
      const data = e.args?.data as { cpuProfile?: { nodes?: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>; samples?: number[] }; timeDeltas?: number[] };
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, `${n.callFrame.functionName || '(anon)'}@${(n.callFrame.url ?? "").split('/').pop()}:${n.callFrame.lineNumber}`);
      const ids = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) {
        time += deltas[i] ?? 0;
        samples.push([time, nodes.get(ids[i]!) ?? String(ids[i])]);
      }
    }
    samples.sort((a, b) => a[0] - b[0]);
  }
  const frames: Frame[] = [];
  let t = 0;
  let s = 0;
  let sample = 0;
  for (const [start, end, index] of windows) {
    // The frame's own task began a little before its first callback.
    while (t < tasks.length && tasks[t]!.ts + (tasks[t]!.dur ?? 0) < start) t++;
    const first = tasks[t]?.ts ?? start;
    const inFrame = [];
    for (let i = t; i < tasks.length && tasks[i]!.ts <= end; i++) inFrame.push(tasks[i]!);
    const frame: Frame = { cpu: 0, wall: (end - start) / 1000, kinds: {}, tasks: [], layouts: [], samples: new Map(), renders: log[index] ?? {} };
    for (const task of inFrame) frame.cpu += (task.tdur ?? task.dur ?? 0) / 1000;
    while (s < slices.length && slices[s]!.ts < first) s++;
    for (let i = s; i < slices.length && slices[i]!.ts <= end; i++) {
      const e = slices[i]!;
      if (!KINDS.includes(e.name)) continue;
      frame.kinds[e.name] = (frame.kinds[e.name] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
      if (e.name === 'TimerFire' || e.name === 'FunctionCall') frame.tasks.push(`${e.name === 'TimerFire' ? 'timer ' : ''}${where(e.args?.data)} ${((e.tdur ?? e.dur ?? 0) / 1000).toFixed(2)}`);
      if (e.name === 'Layout') {
        const begin = e.args?.beginData as { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean } | undefined;
        frame.layouts.push(`${begin?.dirtyObjects}/${begin?.totalObjects}${begin?.partialLayout ? ' partial' : ''} ${((e.tdur ?? e.dur ?? 0) / 1000).toFixed(2)}`);
      }
    }
    while (sample < samples.length && samples[sample]![0] < first) sample++;
    for (let i = sample; i < samples.length && samples[i]![0] <= end; i++) frame.samples.set(samples[i]![1], (frame.samples.get(samples[i]![1]) ?? 0) + 1);
    frames.push(frame);
  }
  return frames;
}

async function trace(port: number, view: (typeof VIEWS)[number]): Promise<Frame[]> {
  const page = await open(port, view);
  await page.evaluate('window.__logscope.play()');
  await page.waitForTimeout(500);
  const categories = ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8'];
  if (SAMPLE) categories.push('disabled-by-default-v8.cpu_profiler');
  await browser.startTracing(page, { categories });
  await page.waitForTimeout(SECONDS * 1000);
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const log = (await page.evaluate('window.__logscope.pause(); window.__frameLog ?? []')) as Array<Record<string, number>>;
  await page.close();
  return cut(events, log);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

function describeTail(frames: Frame[]): string[] {
  const sorted = [...frames].sort((a, b) => b.cpu - a.cpu);
  const tail = sorted.slice(0, Math.max(1, Math.ceil(frames.length * 0.05)));
  const body = sorted.slice(tail.length);
  const out: string[] = [];
  const kindsOf = (set: Frame[]) => KINDS.filter((k) => set.some((f) => f.kinds[k])).map((k) => `${k} ${mean(set.map((f) => f.kinds[k] ?? 0)).toFixed(2)}`).join(', ');
  out.push(`  tail (${tail.length} frames, cpu ${mean(tail.map((f) => f.cpu)).toFixed(2)}): ${kindsOf(tail)}`);
  out.push(`  rest (${body.length} frames, cpu ${mean(body.map((f) => f.cpu)).toFixed(2)}): ${kindsOf(body)}`);
  // How often each task (by function) shows up in the tail and in the rest.
  const count = (set: Frame[]) => {
    const c = new Map<string, number>();
    for (const f of set) for (const name of new Set(f.tasks.map((x) => x.replace(/ [\d.]+$/, '')))) c.set(name, (c.get(name) ?? 0) + 1);
    return c;
  };
  const inTail = count(tail);
  const inBody = count(body);
  const lines = [...inTail].sort((a, b) => b[1] - a[1]).slice(0, 12);
  for (const [name, n] of lines) out.push(`    ${name}: in ${((100 * n) / tail.length).toFixed(0)} % of tail frames, ${((100 * (inBody.get(name) ?? 0)) / Math.max(1, body.length)).toFixed(0)} % of the rest`);
  for (const f of tail.slice(0, 6)) out.push(`    frame cpu ${f.cpu.toFixed(2)} wall ${f.wall.toFixed(2)}: ${Object.entries(f.kinds).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')} | ${f.tasks.join('; ')} | layouts ${f.layouts.join('; ')}`);
  if (process.env.DIAG) {
    const sum = (set: Frame[]) => {
      const c = new Map<string, number>();
      for (const f of set) for (const [name, n] of Object.entries(f.renders)) c.set(name, (c.get(name) ?? 0) + n);
      return c;
    };
    const inTail = sum(tail);
    const inBody = sum(body);
    out.push('    renders per tail frame (per other frame):');
    for (const [name, n] of [...inTail].sort((a, b) => b[1] - a[1]).slice(0, 40)) out.push(`      ${(n / tail.length).toFixed(2)} (${((inBody.get(name) ?? 0) / Math.max(1, body.length)).toFixed(2)}) ${name}`);
    for (const f of tail.slice(0, 6)) out.push(`    frame cpu ${f.cpu.toFixed(2)}: ${Object.entries(f.renders).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  if (SAMPLE) {
    const total = new Map<string, number>();
    for (const f of tail) for (const [name, n] of f.samples) total.set(name, (total.get(name) ?? 0) + n);
    const totalBody = new Map<string, number>();
    for (const f of body) for (const [name, n] of f.samples) totalBody.set(name, (totalBody.get(name) ?? 0) + n);
    out.push('    samples per tail frame (vs the rest):');
    for (const [name, n] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 25)) out.push(`      ${(n / tail.length).toFixed(2)} (${((totalBody.get(name) ?? 0) / Math.max(1, body.length)).toFixed(2)}) ${name}`);
  }
  return out;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const servers = [];
for (const build of BUILDS) servers.push({ build, ...(await serveDist('bench:frame-tail', build.dir)) });
const loadBefore = loadavg();
const results = new Map<string, Frame[][]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const view of VIEWS) {
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const { build, port } of order) {
      const frames = await trace(port, view);
      const key = `${view.label} | ${build.label}`;
      results.set(key, [...(results.get(key) ?? []), frames]);
      const cpu = frames.map((f) => f.cpu);
      console.log(`round ${round} ${key}: ${frames.length} frames, cpu mean ${mean(cpu).toFixed(2)} p95 ${percentile(cpu, 95).toFixed(2)}, wall p95 ${percentile(frames.map((f) => f.wall), 95).toFixed(2)}; load ${loadavg()[0]!.toFixed(1)}`);
      if (process.env.DETAIL) for (const line of describeTail(frames)) console.log(line);
    }
  }
}
const loadAfter = loadavg();
// DUMP=file.json: every frame of every run, for a closer look.
if (process.env.DUMP) writeFileSync(process.env.DUMP, JSON.stringify(Object.fromEntries([...results].map(([key, runs]) => [key, runs.map((r) => r.map((f) => ({ ...f, samples: undefined })))]))));
await browser.close();
for (const { server } of servers) server.close();

console.log(`\n${ROUNDS} rounds, ${cpus().length} cores; load ${loadBefore.map((v) => v.toFixed(1)).join(' / ')} before, ${loadAfter.map((v) => v.toFixed(1)).join(' / ')} after`);
for (const [key, runs] of results) {
  const means = runs.map((r) => mean(r.map((f) => f.cpu)));
  const p95s = runs.map((r) => percentile(r.map((f) => f.cpu), 95));
  const walls = runs.map((r) => percentile(r.map((f) => f.wall), 95));
  const fmt = (v: number[]) => `${percentile(v, 50).toFixed(2)} (${v.map((x) => x.toFixed(2)).join(', ')})`;
  console.log(`${key}: cpu/frame mean ${fmt(means)}, cpu/frame p95 ${fmt(p95s)}, wall p95 ${fmt(walls)}`);
  for (const line of describeTail(runs.flat())) console.log(line);
}
