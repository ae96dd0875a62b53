/**
 * Share links, the gallery, scenario files and the address bar, end to end: a link opened in a
 * fresh page reproduces the run; every kind of broken link shows a specific alert and leaves
 * the default run working; a bad file keeps the user's work.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Summary } from '../src/engine';
import { PRESETS } from '../src/scenarios/presets';
import { LESSONS } from '../src/lessons/catalogue';
import { advance, openLab, summary } from './helpers';

type LogScopeWindow = Window & { __logscope: { apply(command: unknown): { ok: boolean }; now(): number } };

/** `{ v: 1, scenario: { ..., topics: [{ name: 'orders', partitions: 500 }] } }`, compressed. */
const OUT_OF_RANGE_LINK =
  '1.N4IgbiBcCMA0IGcDGBTAdgQwE4EsD2UoAZnlgLYYAuUIANngObJ4AOKAtMutviPGCiwJ8aKHBCUclWihoAhLHgDW6PohQoAJmPiVWOJAigBtUJjKzIIUpsFH4LbJMl40RyAFYADF4C+AXQdFTQBXVCETQPUsMAMUd2N-X18gA';
/** The same scenario with 2 partitions and `"__proto__": { "isAdmin": true }` after the seed. */
const PROTO_LINK =
  '1.N4IgbiBcCMA0IGcDGBTAdgQwE4EsD2UoAZnlgLYYAuUIANngObJ4AOKAtMutviPGCiwJ8aKHBCUclWihoAhLHgDW6PohQoAJmPgB9XS0WU8+wiBwIAgprI5RkSlgCuKAL7xjLHEgRQA2qCYZLKQIKSagr7wLNiSknhovpAATK4AutGKmk6oQv4Z6lhg3ihJfmmurkA';

/** Accessibility violations (axe) inside one part of the page. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function apply(page: Page, command: object): Promise<void> {
  const result = await page.evaluate((c) => (window as unknown as LogScopeWindow).__logscope.apply(c), command);
  expect(result.ok).toBe(true);
}

/** Opens `path` in a brand-new browser context: no localStorage, no history. */
async function freshPage(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openLab(page, path);
  return page;
}

async function readShareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this run' });
  await expect(dialog).toBeVisible();
  const url = await dialog.getByLabel(/^Link/).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  return url;
}

function orderCount(result: Summary): number {
  return result.topics['orders']!.partitions.reduce((sum, partition) => sum + partition.logEndOffset, 0);
}

test('a shared link opened in a fresh page gives the same run, paused at the same time', async ({ page, browser }) => {
  await openLab(page);
  await advance(page, 12_000);
  await apply(page, { type: 'crash', target: 'email-0' });
  await advance(page, 15_000);
  await apply(page, { type: 'start', target: 'email-0' });
  await advance(page, 8_500);
  const origin = await summary(page);
  const link = await readShareLink(page);
  expect(link).toMatch(/#s=1\.[A-Za-z0-9+$-]+$/);
  expect(link.length).toBeLessThan(2000);
  // The address bar follows the run within about a second.
  await expect.poll(() => page.url(), { timeout: 2000 }).toBe(link);

  const other = await freshPage(browser, link.slice(link.indexOf('/#')));
  const opened = await summary(other);
  expect(opened.simTimeMs).toBe(35_500);
  expect(opened.traceHash).toBe(origin.traceHash);
  expect(opened).toEqual(origin);
  await expect(other.getByTestId('sim-time')).toHaveAttribute('data-ms', '35500');
  await expect(other.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(other.getByRole('alert')).toHaveCount(0);
  // And it goes on exactly like the original.
  await advance(page, 10_000);
  await advance(other, 10_000);
  expect((await summary(other)).traceHash).toBe((await summary(page)).traceHash);
  await other.context().close();
});

test('a reload keeps the run: the address bar holds it', async ({ page }) => {
  await openLab(page);
  await advance(page, 6_000);
  await apply(page, { type: 'hang', target: 'billing-0' });
  await advance(page, 4_000);
  const before = await summary(page);
  const link = await readShareLink(page);
  await expect.poll(() => page.url(), { timeout: 2000 }).toBe(link);
  await page.reload();
  await page.waitForFunction(() => Boolean((window as unknown as { __logscope?: unknown }).__logscope));
  expect((await summary(page)).traceHash).toBe(before.traceHash);
});

test('#preset= opens a gallery preset and ?scenario= opens a hand-written scenario', async ({ browser }) => {
  const preset = await freshPage(browser, '/#preset=retention-loses-data');
  await expect(preset.locator('.scenario-title')).toHaveText(PRESETS.find((p) => p.id === 'retention-loses-data')!.scenario.title!);
  // The first records are lost at about 62 s: the consumer's fetch buffer outlives retention.
  await advance(preset, 70_000);
  expect(Object.keys((await summary(preset)).groups)).toEqual(['reporting']);
  expect((await summary(preset)).stats['reporting']!.skipped).toBeGreaterThan(0);
  await preset.context().close();

  const scenario = {
    format: 'logscope-scenario',
    version: 1,
    title: 'Hand-written',
    seed: 4,
    topics: [{ name: 'clicks', partitions: 2 }],
    producers: [{ id: 'web', topic: 'clicks', event: 'Clicked', ratePerSec: 10 }],
    services: [{ id: 'stats', subscribe: ['clicks'] }],
  };
  const handWritten = await freshPage(browser, `/?scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
  await expect(handWritten.locator('.scenario-title')).toHaveText('Hand-written');
  await advance(handWritten, 5_000);
  const result = await summary(handWritten);
  expect(Object.keys(result.topics)).toEqual(['clicks']);
  expect(result.topics['clicks']!.partitions).toHaveLength(2);
  await handWritten.context().close();
});

const BROKEN_LINKS: { kind: string; path: string; message: RegExp }[] = [
  {
    kind: 'truncated',
    path: `/#s=${OUT_OF_RANGE_LINK.slice(0, 60)}`,
    message: /link: the link data is damaged or truncated/,
  },
  { kind: 'garbage', path: '/#s=1.<script>alert(1)</script>', message: /link: the link data has the character "<" at position 0/ },
  { kind: 'not a LogScope link', path: '/#hello', message: /link: the fragment "#hello" is not a LogScope link/ },
  { kind: 'unknown version', path: '/#s=9.N4IgbiBcCMA0', message: /link: link format version 9 is not supported \(it was made by a newer LogScope\)/ },
  { kind: 'oversized', path: `/#s=1.${'A'.repeat(70_000)}`, message: /link: the link is 70004 characters long; the limit is 65536 \(64 KB\)/ },
  { kind: 'out-of-range value', path: `/#s=${OUT_OF_RANGE_LINK}`, message: /link: scenario\.topics\[0\]\.partitions is 500; it must be an integer from 1 to 64/ },
  { kind: '__proto__ key', path: `/#s=${PROTO_LINK}`, message: /link: scenario\.__proto__: field "__proto__" is not allowed/ },
  { kind: 'unknown preset', path: '/#preset=no-such-lesson', message: /link: preset "no-such-lesson" does not exist; the gallery has checkout/ },
  {
    kind: 'out-of-range parameter',
    path: `/?scenario=${encodeURIComponent('{"format":"logscope-scenario","version":1,"seed":-3,"topics":[],"producers":[],"services":[]}')}`,
    message: /scenario parameter: seed is -3; it must be an integer from 0 to 4294967295/,
  },
];

test.describe('a broken link shows what is wrong and keeps the default run', () => {
  for (const { kind, path, message } of BROKEN_LINKS) {
    test(kind, async ({ browser }) => {
      const reference = await freshPage(browser, '/');
      const defaultRun = await summary(reference);
      await reference.context().close();

      const page = await freshPage(browser, path);
      const alert = page.getByRole('alert');
      await expect(alert).toBeVisible();
      await expect(alert).toContainText(message);
      await expect(alert).toContainText('Nothing was opened; the default run is shown instead.');
      expect(await summary(page)).toEqual(defaultRun);
      expect(await page.evaluate(() => ({} as Record<string, unknown>)['isAdmin'])).toBeUndefined();
      await advance(page, 5_000);
      expect(orderCount(await summary(page))).toBeGreaterThan(0);
      if (kind === 'out-of-range value') await page.screenshot({ path: 'test-results/links-error.png' });
      await page.context().close();
    });
  }
});

test('a bad file is refused with its name and the field, and the current work stays', async ({ page }) => {
  await openLab(page);
  await advance(page, 5_000);
  await apply(page, { type: 'crash', target: 'inventory-0' });
  await advance(page, 2_000);
  const before = await summary(page);
  const input = page.getByTestId('scenario-file-input');
  const bad = JSON.stringify({ ...PRESETS[0]!.scenario, services: [{ id: 'x', subscribe: ['orders'], instances: 99 }] });
  await input.setInputFiles({ name: 'lesson.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await expect(page.getByRole('alert')).toContainText(
    'file "lesson.json": services[0].instances is 99; it must be an integer from 0 to 32',
  );
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('{"format": "logscope-scen') });
  await expect(page.getByRole('alert')).toContainText('file "notes.txt": not valid JSON');
  expect(await summary(page)).toEqual(before);

  const good = PRESETS.find((p) => p.id === 'hot-partition')!.scenario;
  await input.setInputFiles({ name: 'hot.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(page.locator('.scenario-title')).toHaveText(good.title!);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await summary(page)).simTimeMs).toBe(0);
});

test('a scenario file dropped on the page opens; a bad one is refused and the work stays', async ({ page }) => {
  await openLab(page);
  await advance(page, 3_000);
  const before = await summary(page);
  const drop = async (name: string, text: string) => {
    const dataTransfer = await page.evaluateHandle(
      ([fileName, content]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], fileName, { type: 'application/json' }));
        return transfer;
      },
      [name, text] as const,
    );
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await expect(page.getByTestId('drop-zone')).toContainText('Drop a scenario file (.json) to open it');
    await page.screenshot({ path: 'test-results/links-drop-zone.png' });
    await page.dispatchEvent('body', 'drop', { dataTransfer });
    await expect(page.getByTestId('drop-zone')).toBeHidden();
  };
  await drop('broken.json', '{"format":"logscope-scenario","version":2}');
  await expect(page.getByRole('alert')).toContainText('file "broken.json": version: unsupported scenario version 2');
  expect(await summary(page)).toEqual(before);

  const scenario = PRESETS.find((p) => p.id === 'pubsub-vs-queue')!.scenario;
  await drop('queue.json', JSON.stringify(scenario));
  await expect(page.getByTestId('scenario-label')).toHaveAttribute('data-preset', 'pubsub-vs-queue');
  expect((await summary(page)).simTimeMs).toBe(0);
});

test('saving a file and opening it again gives the same run', async ({ page }) => {
  await openLab(page);
  await advance(page, 4_000);
  await apply(page, { type: 'slow', target: 'email-0', factor: 5 });
  await advance(page, 6_000);
  const before = await summary(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('checkout-one-event-independent-consumers.json');
  const path = await download.path();
  await page.getByTestId('scenario-file-input').setInputFiles(path);
  await expect.poll(async () => (await summary(page)).simTimeMs).toBe(0);
  await advance(page, 10_000);
  expect((await summary(page)).traceHash).toBe(before.traceHash);
});

test('the gallery lists every preset with its concept and deep link, opens one, and Back returns', async ({ page }) => {
  await openLab(page);
  await advance(page, 3_000);
  const before = await summary(page);
  await page.getByRole('button', { name: 'Gallery' }).click();
  const gallery = page.getByRole('dialog', { name: 'Scenario gallery' });
  await expect(gallery).toBeVisible();
  await expect(gallery.locator('[data-preset]')).toHaveCount(PRESETS.length);
  await expect(gallery.locator('[data-lesson]')).toHaveCount(LESSONS.length);
  for (const lesson of LESSONS) {
    const item = gallery.locator(`[data-lesson="${lesson.id}"]`);
    await expect(item).toContainText(lesson.concept);
    await expect(item).toContainText(`about ${lesson.minutes} min`);
    await expect(item.getByRole('link', { name: `Link to the lesson ${lesson.title}` })).toHaveAttribute('href', new RegExp(`^http://[^#]+#lesson=${lesson.id}&step=1$`));
  }
  for (const preset of PRESETS) {
    const item = gallery.locator(`[data-preset="${preset.id}"]`);
    await expect(item).toContainText(preset.description);
    await expect(item).toContainText(preset.concept);
    await expect(item.getByRole('link', { name: `Deep link to ${preset.title}` })).toHaveAttribute('href', new RegExp(`^http://[^#]+#preset=${preset.id}$`));
  }
  await page.screenshot({ path: 'test-results/links-gallery.png' });
  expect(await axeViolations(page, '.gallery-dialog')).toEqual([]);
  const last = gallery.locator(`[data-preset="${PRESETS[PRESETS.length - 1]!.id}"]`);
  await last.scrollIntoViewIfNeeded();
  await expect(last.getByRole('button', { name: 'Open' })).toBeInViewport();
  await page.screenshot({ path: 'test-results/links-gallery-end.png' });
  await gallery.getByRole('button', { name: 'Open Eager vs cooperative rebalancing' }).click();
  await expect(gallery).toBeHidden();
  await expect(page.getByTestId('scenario-label')).toHaveAttribute('data-preset', 'eager-vs-cooperative');
  await expect.poll(() => page.url()).toContain('#s=1.');

  await page.goBack();
  await expect(page.getByTestId('scenario-label')).toHaveAttribute('data-preset', 'checkout');
  expect(await summary(page)).toEqual(before);

  await page.getByRole('button', { name: 'Gallery' }).click();
  await page.getByRole('link', { name: 'Deep link to Hot partition' }).click();
  await expect(page.getByTestId('scenario-label')).toHaveAttribute('data-preset', 'hot-partition');

  await page.getByRole('button', { name: 'Gallery' }).click();
  await page.getByRole('button', { name: `Start lesson: ${LESSONS[0]!.title}` }).click();
  await expect(page.getByRole('region', { name: /Lesson/ })).toContainText(LESSONS[0]!.title);
  await expect.poll(() => page.url()).toContain(`#lesson=${LESSONS[0]!.id}&step=1`);
  await page.goBack();
  await expect(page.getByTestId('scenario-label')).toHaveAttribute('data-preset', 'hot-partition');
  await expect(page.getByRole('region', { name: /Lesson/ })).toHaveCount(0);
});

test('the share dialog works by keyboard, copies the link and shows its QR code', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLab(page);
  await advance(page, 20_000);
  const share = page.getByRole('button', { name: 'Share…' });
  await share.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share this run' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'QR code of the link to this run' })).toBeVisible();
  await expect(dialog).toContainText('t = 0:20.000');
  const url = await dialog.getByLabel(/^Link/).inputValue();
  await dialog.getByRole('button', { name: 'Copy link' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  // The tests serve the lab on 127.0.0.1: a phone could not open this link, and the dialog says so.
  await expect(dialog.getByTestId('share-loopback')).toContainText('only works on this computer (127.0.0.1)');
  await page.screenshot({ path: 'test-results/links-share-dialog.png' });
  expect(await axeViolations(page, '.share-dialog')).toEqual([]);
  expect(await axeViolations(page, '.share-bar')).toEqual([]);
  const enlarge = dialog.getByRole('button', { name: 'Enlarge the QR code' });
  await enlarge.click();
  const qr = dialog.getByRole('img', { name: 'QR code of the link to this run' });
  expect((await qr.boundingBox())!.height).toBeGreaterThan(450);
  await page.screenshot({ path: 'test-results/links-share-qr-large.png' });
  await dialog.getByRole('button', { name: 'Show the link again' }).click();
  await expect(dialog.getByLabel(/^Link/)).toBeVisible();
  // Keys pressed in the dialog do not reach the lab's shortcuts; Escape closes it.
  await page.keyboard.press('ArrowRight');
  expect((await summary(page)).simTimeMs).toBe(20_000);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(share).toBeFocused();
});

test('after an accidental close the last run is offered back', async ({ page }) => {
  await openLab(page);
  await advance(page, 9_000);
  await apply(page, { type: 'crash', target: 'billing-0' });
  await advance(page, 1_000);
  const before = await summary(page);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('logscope.lastRun')?.length ?? 0)).toBeGreaterThan(100);
  await page.goto('/');
  await page.waitForFunction(() => Boolean((window as unknown as { __logscope?: unknown }).__logscope));
  const banner = page.getByTestId('restore-banner');
  await expect(banner).toContainText('Restore your last run?');
  await expect(banner).toContainText('at t = 0:10.000, with 1 intervention');
  await page.screenshot({ path: 'test-results/links-restore-banner.png' });
  expect((await summary(page)).simTimeMs).toBe(0);
  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(banner).toBeHidden();
  expect((await summary(page)).traceHash).toBe(before.traceHash);
});
