/**
 * Offline use: once the service worker has cached the build, the lab reloads, opens a preset
 * link and a hand-written `?scenario=` link with the network off, runs, and says it works
 * offline. Requests the worker itself makes are reported on the context, so "nothing went to the
 * network" is checked directly, not inferred from the page loading.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { PRESETS } from '../src/scenarios/presets';
import { advance, summary } from './helpers';

/** Waits until `page` has `window.__logscope`. */
async function labReady(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Boolean((window as unknown as { __logscope?: unknown }).__logscope),
  );
}

test('after one visit the lab reloads, opens links and runs with no network', async ({
  page,
  context,
}) => {
  const workerRequests: string[] = [];
  const failed: string[] = [];
  context.on('request', (request: Request) => {
    if (request.serviceWorker()) workerRequests.push(new URL(request.url()).pathname);
  });
  context.on('requestfailed', (request: Request) => {
    const error = request.failure()?.errorText ?? '';
    // The browser itself cancels a tab's favicon fetch when a navigation replaces it
    // (ERR_ABORTED): nothing to do with the network. Any other failure while offline means the
    // worker did not answer from its cache.
    if (error === 'net::ERR_ABORTED' && request.resourceType() !== 'document' && request.resourceType() !== 'script') return;
    failed.push(`${request.url()}: ${error}`);
  });

  await page.goto('/');
  await labReady(page);
  // `ready` settles once a worker is active, which needs its install (the precache) to have
  // finished; the worker then claims this page, and `controller` is set.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const note = page.getByRole('contentinfo');
  await expect(note).toHaveText(/Works offline/);
  // The listener does see the worker's own downloads: its install fetched the page and the icon.
  expect(workerRequests).toEqual(expect.arrayContaining(['/index.html', '/favicon.svg']));
  workerRequests.length = 0;

  await context.setOffline(true);

  // Changing only the fragment does not load the page again: reload it, offline, at the preset.
  await page.goto('/#preset=email-outage');
  const pageLoad = page.waitForResponse((response) => response.request().isNavigationRequest());
  await page.reload();
  expect((await pageLoad).fromServiceWorker()).toBe(true);
  await labReady(page);
  const preset = PRESETS.find((p) => p.id === 'email-outage')!;
  await expect(page.locator('.scenario-title')).toHaveText(preset.scenario.title!);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  expect((await summary(page)).producers['checkout']!.sent).toBe(0);
  await advance(page, 5_000);
  expect((await summary(page)).producers['checkout']!.sent).toBeGreaterThan(0);
  await expect(note).toHaveText(/Works offline/);

  // A hand-written scenario link, opened in a new tab of the same (offline) browser.
  const scenario = {
    format: 'logscope-scenario',
    version: 1,
    title: 'Offline classroom',
    seed: 7,
    topics: [{ name: 'clicks', partitions: 2 }],
    producers: [{ id: 'web', topic: 'clicks', event: 'Clicked', ratePerSec: 10 }],
    services: [{ id: 'stats', subscribe: ['clicks'] }],
  };
  const tab = await context.newPage();
  await tab.goto(`/?scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
  await labReady(tab);
  await expect(tab.locator('.scenario-title')).toHaveText('Offline classroom');
  await advance(tab, 5_000);
  expect((await summary(tab)).producers['web']!.sent).toBeGreaterThan(0);
  await expect(tab.getByRole('contentinfo')).toHaveText(/Works offline/);

  // Everything came from the cache: the worker asked the network for nothing, and nothing failed.
  expect(workerRequests).toEqual([]);
  expect(failed).toEqual([]);
});
