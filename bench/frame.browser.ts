/**
 * Frame benchmark in the real app: headless Chromium, the production build (run `npm run build`
 * first), a checkout-like scenario at 100 records/s with 12 partitions and 4 groups, playing at
 * 1× on the partitions tab and on the lag tab. For each animation frame it measures the main
 * thread's busy time: from the start of the frame's callbacks until a task queued behind them
 * runs (so React's render, style, layout and paint of that frame are included). Also reports
 * the JavaScript shipped, gzipped. Prints the figures and writes them into doc/benchmarks.md
 * between the frame-bench markers. Not a test: shared machines are noisy.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { DIST, serveDist } from './serveDist';
import { checkout } from '../src/scenarios/presets/checkout';


const { server, port } = await serveDist('bench:frames');

const scenario = {
  ...checkout,
  title: 'Frame benchmark: 100 records/s, 12 partitions, 4 groups',
  topics: [{ name: 'orders', partitions: 12, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
  producers: [{ ...checkout.producers[0]!, ratePerSec: 100 }],
  services: [
    { id: 'inventory', subscribe: ['orders'], handler: 'reserveStock', processingMs: 2, config: { 'auto.offset.reset': 'earliest' as const } },
    { id: 'billing', subscribe: ['orders'], handler: 'chargePayment', processingMs: 2, config: { 'auto.offset.reset': 'earliest' as const } },
    { id: 'email', subscribe: ['orders'], handler: 'sendReceipt', processingMs: 2, instances: 2, config: { 'auto.offset.reset': 'earliest' as const } },
    { id: 'fraud-check', subscribe: ['orders'], handler: 'scoreFraud', processingMs: 2, config: { 'auto.offset.reset': 'earliest' as const } },
  ],
  notes: [],
  actions: [],
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

// Wraps requestAnimationFrame before the app loads: each frame records the time from its first
// callback until a MessageChannel task queued after the callbacks runs.
const INSTRUMENT = `(() => {
  const frames = [];
  window.__frameTimes = frames;
  const raf = window.requestAnimationFrame.bind(window);
  let pending = false;
  window.requestAnimationFrame = (callback) => raf((time) => {
    const start = performance.now();
    callback(time);
    if (pending) return;
    pending = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { frames.push(performance.now() - start); pending = false; };
    channel.port2.postMessage(0);
  });
})();`;

async function measure(tab: string): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(INSTRUMENT);
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => Boolean((window as unknown as { __logscope?: unknown }).__logscope));
  const loaded = (await page.evaluate(`window.__logscope.load(${JSON.stringify(scenario)})`)) as { ok: boolean; error?: string };
  if (!loaded.ok) throw new Error(`load failed: ${loaded.error}`);
  await page.evaluate('window.__logscope.advance(60000)');
  await page.getByRole('tab', { name: tab }).click();
  await page.evaluate('window.__frameTimes.length = 0; window.__logscope.play()');
  // Play ~8 s of wall time (the app's own clock); this is a benchmark, not a test.
  await page.waitForTimeout(8000);
  const times = (await page.evaluate('window.__logscope.pause(); window.__frameTimes.slice()')) as number[];
  await page.close();
  return times;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const results: Array<[string, number[]]> = [];
for (const tab of ['Partitions', 'Lag']) results.push([tab, await measure(tab)]);
await browser.close();
server.close();

const assets = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
const gzipBytes = assets.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, 'assets', f))).length, 0);

const lines = [
  '<!-- frame-bench:start -->',
  '## Frames: 100 records/s, 12 partitions, 4 groups, playing at 1× (`npm run bench:frames`)',
  '',
  `Main-thread time per animation frame in headless Chromium at 1280×720 (goal: p95 under 8 ms), and JS shipped (goal: under 200 KB gzipped). Measured ${new Date().toISOString().slice(0, 10)}.`,
  '',
  '| view | frames | p50 | p95 | max | p95 / goal |',
  '|---|---|---|---|---|---|',
  ...results.map(([tab, t]) => `| ${tab} tab | ${t.length} | ${percentile(t, 50).toFixed(1)} ms | ${percentile(t, 95).toFixed(1)} ms | ${Math.max(...t).toFixed(1)} ms | ${(percentile(t, 95) / 8).toFixed(2)} |`),
  '',
  `JavaScript shipped: ${(gzipBytes / 1024).toFixed(1)} KB gzipped (${assets.length} file(s)); ratio to the 200 KB goal ${(gzipBytes / 1024 / 200).toFixed(2)}.`,
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
