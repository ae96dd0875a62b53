/**
 * Where a comparison's frames go (issue 15): plays two heavy runs side by side (the frame
 * benchmark's scenario as run A and run B, 1280×720, 1× from 1:00) and records a Chrome CPU
 * profile through CDP for ~6 s, then prints the functions with the most self time and the
 * main-thread phases per frame from a trace. Build without minifying for readable names:
 * `npx vite build --minify false --outDir /tmp/dist-profile` and `BENCH_DIST=/tmp/dist-profile`.
 */
import { chromium } from '@playwright/test';
import { serveDist } from './serveDist';
import { COMPARE_BENCH_CASES } from './compareFrameCases';

const { server, port } = await serveDist('bench:compare-profile');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const which = COMPARE_BENCH_CASES.find((c) => c.label.startsWith(process.argv[2] ?? 'comparison')) ?? COMPARE_BENCH_CASES[1]!;
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto(`http://127.0.0.1:${port}/${which.hash}`);
await page.waitForFunction('Boolean(window.__logscope)');
await page.waitForFunction('window.__logscope.now() >= 60000 || location.hash.startsWith("#preset=")');
await page.evaluate('window.__logscope.seek(Math.max(60000, window.__logscope.now()))');
await page.evaluate('window.__logscope.play()');
await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.waitForTimeout(6000);
const { profile } = (await cdp.send('Profiler.stop')) as {
  profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>; samples: number[]; timeDeltas: number[] };
};
await page.evaluate('window.__logscope.pause()');
await browser.close();
server.close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
});
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40));
console.log(`${which.label}: ${(total / 1000).toFixed(0)} ms sampled`);
for (const [key, us] of top) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
