/**
 * What the frame benchmarks share (frame, frameTail, compareFrame, compareFrameTail and the
 * comparison cases): their scenario, the page-side script that times each animation frame, the
 * fixed frame clock, and the trace's main-thread events.
 */
import type { Scenario } from '../src/engine';
import { checkout } from '../src/scenarios/presets/checkout';

/** A checkout-like scenario at 100 records/s with 12 partitions and 4 groups (5 consumers). */
export const FRAME_BENCH_SCENARIO: Scenario = {
  ...checkout,
  title: 'Frame benchmark: 100 records/s, 12 partitions, 4 groups',
  topics: [{ name: 'orders', partitions: 12, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
  producers: [{ ...checkout.producers[0]!, ratePerSec: 100 }],
  services: [
    { id: 'inventory', subscribe: ['orders'], handler: 'reserveStock', processingMs: 2, config: { 'auto.offset.reset': 'earliest' } },
    { id: 'billing', subscribe: ['orders'], handler: 'chargePayment', processingMs: 2, config: { 'auto.offset.reset': 'earliest' } },
    { id: 'email', subscribe: ['orders'], handler: 'sendReceipt', processingMs: 2, instances: 2, config: { 'auto.offset.reset': 'earliest' } },
    { id: 'fraud-check', subscribe: ['orders'], handler: 'scoreFraud', processingMs: 2, config: { 'auto.offset.reset': 'earliest' } },
  ],
  notes: [],
  actions: [],
};

/**
 * Installed before the app loads: wraps requestAnimationFrame so each frame records the time
 * from its first callback until a MessageChannel task queued after the callbacks runs (React's
 * render, style, layout and paint of that frame included) in `window.__frameTimes`.
 */
export const FRAME_INSTRUMENT = `(() => {
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

/**
 * `FIXED_FRAME_CLOCK=1`: every frame is told 1/60 s passed since the last, whatever the wall
 * clock says, so a slow frame does not make the next one carry more virtual time.
 */
export const FIXED_FRAME_CLOCK = `(() => {
  const raf = window.requestAnimationFrame.bind(window);
  const real = performance.now.bind(performance);
  let lastReal = -1, frameClock = 0, started = null;
  window.requestAnimationFrame = (callback) => raf((time) => {
    if (time !== lastReal) { lastReal = time; frameClock += 1000 / 60; }
    callback(frameClock);
  });
  performance.now = () => (lastReal < 0 ? real() : (started ??= real()) + frameClock);
})();`;

/** An event of a Chrome trace, as the frame benchmarks read it. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the trace has it. */
  tdur?: number;
  id?: string;
  id2?: { local?: string };
  args?: Record<string, unknown> & { name?: string; data?: Record<string, unknown> };
}

interface ThreadEvent {
  name: string;
  pid: number;
  tid: number;
  ts: number;
  args?: { name?: string };
}

/** The renderers' main threads in a Chrome trace, as `pid:tid`. */
export function mainThreads(events: readonly ThreadEvent[]): Set<string> {
  return new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
}

/** The renderers' main-thread events of a Chrome trace, in time order. */
export function mainThreadEvents<T extends ThreadEvent>(events: readonly T[]): T[] {
  const main = mainThreads(events);
  return events.filter((e) => main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts);
}
