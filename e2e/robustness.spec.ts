/**
 * No legal input freezes the lab. The most expensive scenario the limits and the work budget
 * allow together (every count at its limit, records that take no time) is opened, played at
 * 100× and sought to its end while the page keeps answering: long tasks (PerformanceObserver)
 * and the round trip of a call into the page are measured and reported.
 */
import { expect, test, type Page } from '@playwright/test';
import { budgetEdgeScenario } from '../src/scenarios/budgetEdge';
import { estimateWork, workBudgetEndMs } from '../src/scenarios/workBudget';
import { nextFrames, openLab, summary } from './helpers';

type Probe = { longTasks: number[]; observer: PerformanceObserver };

/** The long tasks since the last call, those not yet delivered to the observer included. */
async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __probe: Probe }).__probe;
    for (const entry of probe.observer.takeRecords()) probe.longTasks.push(Math.round(entry.duration));
    return probe.longTasks.splice(0);
  });
}


/** Round trips into the page (ms) while `busy` holds; each one waits for the main thread. */
async function probeWhile(page: Page, busy: () => Promise<boolean>): Promise<number[]> {
  const trips: number[] = [];
  while (await busy()) {
    const started = Date.now();
    await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
    trips.push(Date.now() - started - 50);
  }
  return trips;
}

/** Wall time a LOGSCOPE_E2E_SEEK_WATCH=1 run watches the seek toward the end before cancelling it. */
const SEEK_WATCH_MS = 20_000;

/**
 * The run's virtual time. Inside the measured windows the harness asks for this, not for the
 * summary: returning a summary at these limits (1.3 MB) to Playwright is a long task of the
 * harness's own (~250 ms), which the page's long tasks would otherwise count.
 */
async function simNow(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __logscope: { now(): number } }).__logscope.now());
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))] ?? 0;

// No Playwright trace here: recording one snapshots the page's DOM around every harness call,
// inside the page's main thread — at these limits (about 14,000 elements) a task of ~250 ms of
// the harness's own after each call, which the page's long tasks would count (Chromium traces
// of this test: DevTools-session tasks of repeated style and layout, no script of the page's),
// and it slowed the seek by half.
test.use({ trace: 'off' });

test('the most expensive legal scenario plays at 100× and seeks toward its end while the page keeps answering', async ({ page }, testInfo) => {
  // The seek to the end took 6.5 min of wall time on this 2-core machine (load 5–9): 40 min
  // leaves room for a slower CI machine inside its 90.
  test.setTimeout(process.env.LOGSCOPE_E2E_SEEK_WATCH === '1' ? 3 * 60_000 : 40 * 60_000);
  await page.addInitScript(() => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(Math.round(entry.duration));
    });
    observer.observe({ type: 'longtask', buffered: true });
    (window as unknown as { __probe: Probe }).__probe = { longTasks, observer };
  });
  await openLab(page);
  // The app's own start (its scripts and the default scenario) is reported apart from opening
  // the limits scenario: the first is the same for every scenario, the second is what this test is about.
  const bootTasks = await longTasks(page);
  const scenario = budgetEdgeScenario();
  const endMs = workBudgetEndMs(estimateWork(scenario));
  // The page's elements as the load returns: what the render in the opening task drew (the rest
  // of a run this large is drawn in mount steps, each in a task of its own after a paint).
  // Passed as text: an object argument is rebuilt in the page in the task of the call (~120 ms of
  // Playwright's own at the limits), which would hide opening's own tasks.
  const { loaded, firstRenderElements } = await page.evaluate(async (text) => {
    const result = await (window as unknown as { __logscope: { load(s: unknown): Promise<{ ok: boolean; error?: string }> } }).__logscope.load(JSON.parse(text));
    return { loaded: result, firstRenderElements: document.querySelectorAll('*').length };
  }, JSON.stringify(scenario));
  expect(loaded).toEqual(expect.objectContaining({ ok: true }));
  // Every panel drawn in the end: the last topic's and service's nodes, the last group's card, the
  // lanes. A dozen mount steps, one per frame; on a loaded machine a frame of this page can take
  // half a second, hence the time allowed.
  const drawn = { timeout: 30_000 };
  await expect(page.getByTestId('topic-topic-15')).toBeAttached(drawn);
  await expect(page.getByTestId('service-service-15')).toBeAttached(drawn);
  await expect(page.getByTestId('group-service-15')).toBeAttached(drawn);
  await expect(page.getByRole('region', { name: 'Partition lanes' })).toBeAttached(drawn);
  await expect(page.getByTestId('pipeline-drawing')).toHaveText('Pipeline drawn: 16 topics and 16 services.');
  const openTasks = await longTasks(page);

  // Play at 100× for 10 s of wall time; the engine gets a share of each frame, so the clock
  // falls behind the chosen speed instead of the page freezing.
  await page.getByRole('slider', { name: 'Speed' }).fill('9');
  await expect(page.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', '100×');
  await page.getByRole('button', { name: 'Play' }).click();
  const playStarted = Date.now();
  const playTrips = await probeWhile(page, async () => Date.now() - playStarted < 10_000);
  // Taken before the click on Pause: finding a button by its role walks the page's
  // accessibility tree, a long task of the harness's own at these limits.
  const playTasks = await longTasks(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  const playedToMs = await simNow(page);
  expect(playedToMs).toBeGreaterThan(0);

  // Cancel: a seek toward the end, cancelled once it is under way, stops at a whole moment and
  // the run goes on working from there.
  const seekTo = (to: number) => page.evaluate((ms) => (window as unknown as { __logscope: { seek(ms: number): Promise<void> } }).__logscope.seek(ms), to);
  const cancelSeek = async (seeking: Promise<void>, watchMs: number) => {
    const started = Date.now();
    const trips = await probeWhile(page, async () => Date.now() - started < watchMs);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await seeking;
    await expect(page.getByTestId('work-progress')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: /^Stopped at \d+:\d\d: cancelled before 0:14\./ })).toBeVisible();
    const stoppedAt = await simNow(page);
    expect(stoppedAt).toBeLessThan(endMs);
    // The run stands at a whole moment and goes on: a small step forward works.
    await seekTo(stoppedAt + 1);
    expect(await simNow(page)).toBe(stoppedAt + 1);
    return { stoppedAt, trips };
  };
  const firstSeek = seekTo(endMs);
  await expect(page.getByTestId('work-progress')).toBeVisible();
  await expect(page.getByTestId('work-progress')).toContainText('Seeking to 0:14');

  // Seek toward the run's end: long work in slices with a progress bar; the page answers
  // throughout. The test cancels that seek at once (Cancel stops at a whole moment), then seeks
  // to the end and waits for it: minutes of engine time (doc/benchmarks.md).
  // LOGSCOPE_E2E_SEEK_WATCH=1, for quick local runs, watches SEEK_WATCH_MS of the seek instead,
  // then cancels it.
  const toEnd = process.env.LOGSCOPE_E2E_SEEK_WATCH !== '1';
  const seekStarted = Date.now();
  let seekTrips: number[];
  let stoppedAt: number;
  let seekWallMs: number;
  let drawnInBackground = false;
  if (toEnd) {
    stoppedAt = (await cancelSeek(firstSeek, 0)).stoppedAt;
    await longTasks(page);
    let finished = false;
    // The moment the views show (the clock's) when the seek resolves.
    const seekDone = page
      .evaluate(async (ms) => {
        await (window as unknown as { __logscope: { seek(ms: number): Promise<void> } }).__logscope.seek(ms);
        return Number(document.querySelector('[data-testid="sim-time"]')?.getAttribute('data-ms'));
      }, endMs)
      .then((shown) => {
        finished = true;
        return shown;
      });
    // Inside the measured window the progress bar is looked for with the page's own
    // querySelector: a Playwright locator runs its selector engine over the whole page, a long
    // task of the harness's own at these limits (250 ms in a trace).
    await page.waitForFunction(() => document.querySelector('[data-testid="work-progress"]') !== null);
    seekTrips = await probeWhile(page, async () => !finished);
    const shownWhenDone = await seekDone;
    seekWallMs = Date.now() - seekStarted;
    expect(await simNow(page)).toBe(endMs);
    // The views show the end: at once, or, when publishing was too dear for them to follow the
    // seek, drawn in the background (src/view/drawnValue.ts), in slices after the seek resolved,
    // the progress bar leaving with them; the tasks of that drawing, and of the frame that lays
    // it out, are counted too.
    const clock = '[data-testid="sim-time"]';
    await page.waitForFunction(({ clock, ms }) => document.querySelector(clock)?.getAttribute('data-ms') === String(ms), { clock, ms: endMs }, { timeout: 30_000 });
    // Two more frames: the frame that lays the drawn moment out and paints it is over.
    await nextFrames(page);
    expect(await page.evaluate(() => document.querySelector('[data-testid="work-progress"]'))).toBeNull();
    drawnInBackground = (await page.evaluate((clock) => document.querySelector(clock)?.getAttribute('data-drawing'), clock)) === 'inBackground';
    expect(shownWhenDone).toBe(drawnInBackground ? stoppedAt + 1 : endMs);
  } else {
    ({ stoppedAt, trips: seekTrips } = await cancelSeek(firstSeek, SEEK_WATCH_MS));
    seekWallMs = Date.now() - seekStarted;
    expect(stoppedAt).toBeGreaterThan(playedToMs);
  }
  const seekTasks = await longTasks(page);
  // The whole summary at the limits, once the measured window is over.
  expect((await summary(page)).simTimeMs).toBe(toEnd ? endMs : stoppedAt + 1);

  const report = {
    endMs,
    openFirstRenderElements: firstRenderElements,
    bootLongestTaskMs: Math.max(0, ...bootTasks),
    openLongestTaskMs: Math.max(0, ...openTasks),
    play: { virtualMsReached: playedToMs, longTasks: playTasks.length, longestTaskMs: Math.max(0, ...playTasks), p95TaskMs: p95(playTasks), roundTripP95Ms: p95(playTrips), roundTripMaxMs: Math.max(0, ...playTrips) },
    toEnd,
    stoppedAtMs: stoppedAt,
    seek: { wallMs: seekWallMs, endDrawnInBackground: drawnInBackground, longTasks: seekTasks.length, over200Ms: seekTasks.filter((t) => t > 200).length, longestTaskMs: Math.max(0, ...seekTasks), p95TaskMs: p95(seekTasks), roundTripP95Ms: p95(seekTrips), roundTripMaxMs: Math.max(0, ...seekTrips), probes: seekTrips.length },
  };
  testInfo.annotations.push({ type: 'long tasks', description: JSON.stringify(report) });
  console.log(`robustness: ${JSON.stringify(report)}`);
  // The goal is no task over 200 ms (doc/benchmarks.md, session 15: the seek's longest task
  // 51–77 ms, playing's 122–166 ms over five runs). These bounds leave room for a shared, noisy
  // CI machine and still catch a frozen page (before this work: one task for the whole seek,
  // minutes; 839 ms of one collection as lately as session 13).
  // Opening: the render in the task that opens the run draws the page around the lists (about
  // 400 elements; all ~5,500 at once before mount steps), whatever the machine's load. Parsing the
  // scenario, starting the engine and showing the run are a task each: 40–75 ms of thread time
  // each at load 18–30 (one task of 80–175 ms before). Wall time follows the load (0.54–2.3 s at
  // load 12–19 for the one task), so that bound only catches a frozen opening (before the work
  // budget: 55 s).
  expect(report.openFirstRenderElements).toBeLessThan(1_500);
  expect(report.openLongestTaskMs).toBeLessThan(5_000);
  // With a handful of long tasks a p95 is the longest one: both bounds are about one task.
  expect(report.play.p95TaskMs).toBeLessThan(600);
  expect(report.seek.p95TaskMs).toBeLessThan(600);
  expect(report.play.longestTaskMs).toBeLessThan(1_000);
  expect(report.seek.longestTaskMs).toBeLessThan(1_000);
  expect(report.seek.roundTripP95Ms).toBeLessThan(5_000);
});
