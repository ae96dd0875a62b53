/**
 * Frame benchmark in comparison mode (two runs side by side, issue 15): the production build
 * (run `npm run build` first) in headless Chromium at 1280×720, playing at 1× for ~8 s of wall
 * time. Measures each animation frame's main-thread time as bench/frame.browser.ts does, for the
 * frame benchmark's scenario (100 records/s, 12 partitions, 4 groups) alone and as both runs of
 * a comparison, and for the lightest comparison preset. Prints a table; not a test (shared
 * machines are noisy).
 */
import { chromium } from '@playwright/test';
import { serveDist } from './serveDist';
import { COMPARE_BENCH_CASES } from './compareFrameCases';

const { server, port } = await serveDist('bench:compare-frames');

const CASES = COMPARE_BENCH_CASES;

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

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

async function measure(hash: string): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(INSTRUMENT);
  await page.goto(`http://127.0.0.1:${port}/${hash}`);
  await page.waitForFunction(() => Boolean((window as unknown as { __logscope?: unknown }).__logscope));
  await page.waitForFunction('window.__logscope.now() >= 60000 || location.hash.startsWith("#preset=")');
  await page.evaluate('window.__logscope.seek(Math.max(60000, window.__logscope.now()))');
  await page.evaluate('window.__frameTimes.length = 0; window.__logscope.play()');
  await page.waitForTimeout(8000);
  const times = (await page.evaluate('window.__logscope.pause(); window.__frameTimes.slice()')) as number[];
  await page.close();
  return times;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const rows: string[] = [];
for (const { label, hash } of CASES) {
  const t = await measure(hash);
  rows.push(`| ${label} | ${t.length} | ${percentile(t, 50).toFixed(1)} ms | ${percentile(t, 95).toFixed(1)} ms | ${Math.max(...t).toFixed(1)} ms |`);
}
await browser.close();
server.close();
console.log(['| view (1280×720, playing at 1× from 1:00) | frames | p50 | p95 | max |', '|---|---|---|---|---|', ...rows].join('\n'));
