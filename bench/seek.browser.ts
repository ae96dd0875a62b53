/**
 * Seek benchmark in the real app: headless Chromium, the production build (run `npm run build`
 * first; this script builds nothing), the checkout scenario at 100 records/s. It plays the run
 * to 10 minutes of virtual time, then seeks to pseudo-random times (a fixed sequence) and
 * measures each seek: the engine work alone, and until the next frame has been painted.
 * Prints the figures and writes them into doc/benchmarks.md between the seek-bench markers.
 * Not a test: these machines are shared and noisy, so nothing here passes or fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { serveDist } from './serveDist';
import { checkout } from '../src/scenarios/presets/checkout';

const RUN_MS = 600_000;
const SEEKS = 40;


const { server, port } = await serveDist('bench:browser');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
});

interface Figures {
  warmUp: { wallMs: number; records: number; checkpoints: { count: number; intervalMs: number } };
  engine: number[];
  painted: number[];
  heapBytes: number | null;
}

/** Loads checkout at `ratePerSec` in a fresh page, plays 10 minutes, then times the seeks. */
async function measure(ratePerSec: number): Promise<Figures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => Boolean((window as unknown as { __logscope?: unknown }).__logscope));
  const scenario = { ...checkout, producers: checkout.producers.map((p) => ({ ...p, ratePerSec })) };
  // In-page code is passed as text: tsx would otherwise wrap its named functions in a helper
  // that does not exist in the page.
  const loaded = (await page.evaluate(`window.__logscope.load(${JSON.stringify(scenario)})`)) as { ok: boolean; error?: string };
  if (!loaded.ok) throw new Error(`load failed: ${loaded.error}`);
  // Plays to 10 minutes in 1-second steps, as playback would (checkpoints on the way).
  const warmUp = (await page.evaluate(`(async () => {
    const api = window.__logscope;
    const started = performance.now();
    for (let t = 1000; t <= ${RUN_MS}; t += 1000) await api.seek(t);
    return { wallMs: performance.now() - started, records: api.summary().producers.checkout.sent, checkpoints: api.checkpoints() };
  })()`)) as Figures['warmUp'];
  const timings = (await page.evaluate(`(async () => {
    const api = window.__logscope;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    let state = 12345;
    const engine = [];
    const painted = [];
    for (let i = 0; i < ${SEEKS}; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const target = Math.floor((state / 2 ** 32) * ${RUN_MS});
      await frame();
      const started = performance.now();
      await api.seek(target);
      engine.push(performance.now() - started);
      await frame();
      painted.push(performance.now() - started);
    }
    const memory = performance.memory;
    return { engine, painted, heapBytes: memory ? memory.usedJSHeapSize : null };
  })()`)) as Omit<Figures, 'warmUp'>;
  await page.close();
  return { warmUp, ...timings };
}

const goal = await measure(100);
const typical = await measure(checkout.producers[0]!.ratePerSec);
await browser.close();
server.close();

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
const column = (f: Figures) => [
  `${f.warmUp.records.toLocaleString('en-US')}`,
  `${(f.warmUp.wallMs / 1000).toFixed(1)} s`,
  `${f.warmUp.checkpoints.count}, every ${f.warmUp.checkpoints.intervalMs / 1000} s`,
  ms(quantile(f.engine, 0.5)),
  ms(quantile(f.engine, 0.95)),
  ms(Math.max(...f.engine)),
  ms(quantile(f.painted, 0.5)),
  ms(quantile(f.painted, 0.95)),
  ms(Math.max(...f.painted)),
  f.heapBytes === null ? 'n/a' : `${(f.heapBytes / 2 ** 20).toFixed(0)} MiB`,
];
const names = [
  'records produced in 10 min',
  'playing to 10 min (1 s steps, checkpoints taken)',
  'checkpoints kept (virtual-time grid)',
  `seek to a random time (${SEEKS} seeks): engine, median`,
  'seek: engine, 95th percentile',
  'seek: engine, worst',
  'seek until the next frame is painted, median',
  'seek until painted, 95th percentile',
  'seek until painted, worst',
  'JS heap in use at the end',
];
const a = column(goal);
const b = column(typical);
const rows: Array<[string, string, string]> = names.map((name, i) => [name, a[i]!, b[i]!]);
rows.push(['goal: every seek', 'under 100 ms', '']);
const width = Math.max(...rows.map(([name]) => name.length));
console.log('LogScope seek benchmark (headless Chromium, production build; checkout, 10 min of virtual time)');
console.log(`  ${''.padEnd(width)}  100 records/s   ${checkout.producers[0]!.ratePerSec} records/s (preset)`);
for (const [name, x, y] of rows) console.log(`  ${name.padEnd(width)}  ${x.padEnd(14)}  ${y}`);

const START = '<!-- seek-bench:start -->';
const END = '<!-- seek-bench:end -->';
const section = [
  START,
  '## Browser: seeking in a 10-minute run (`npm run bench:browser`)',
  '',
  `${new Date().toISOString().slice(0, 10)}, headless Chromium at 1280×720, the production build, the checkout preset's`,
  'topology and seed at two producer rates:',
  '',
  `| figure | 100 records/s | ${checkout.producers[0]!.ratePerSec} records/s (preset) |`,
  '|---|---|---|',
  ...rows.map(([name, x, y]) => `| ${name} | ${x} | ${y} |`),
  END,
].join('\n');
const docPath = join(process.cwd(), 'doc', 'benchmarks.md');
const doc = readFileSync(docPath, 'utf8');
const next = doc.includes(START) ? doc.replace(new RegExp(`${START}[\\s\\S]*?${END}`), section) : `${doc.trimEnd()}\n\n${section}\n`;
writeFileSync(docPath, next);
console.log(`Figures written to ${docPath}.`);
