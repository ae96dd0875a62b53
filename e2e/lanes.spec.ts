/**
 * Twelve partition lanes do not fit on a screen. While the clock runs, lanes off screen are not
 * redrawn (that is most of a frame's work); scrolled into view they catch up at once, and when
 * the clock stops every lane shows the present state again.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkout } from '../src/scenarios/presets/checkout';
import { advance, nextFrames, openLab, summary } from './helpers';

const twelvePartitions = {
  ...checkout,
  title: 'Twelve partitions',
  topics: checkout.topics.map((topic) => (topic.name === 'orders' ? { ...topic, partitions: 12 } : topic)),
  producers: [{ ...checkout.producers[0]!, ratePerSec: 100 }],
  actions: [],
};

const leo = (page: Page, partition: number) => page.getByTestId(`leo-orders-${partition}`);
const call = (page: Page, method: 'play' | 'pause') =>
  page.evaluate((name) => (window as unknown as { __logscope: Record<string, () => void> }).__logscope[name]!(), method);

test('off-screen lanes wait while playing, catch up when scrolled into view, and are all current when paused', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page);
  const loaded = await page.evaluate((scenario) => (window as unknown as { __logscope: { load(s: unknown): { ok: boolean } } }).__logscope.load(scenario), twelvePartitions);
  expect(loaded).toMatchObject({ ok: true });
  await advance(page, 5_000);
  const before = (await summary(page)).topics['orders']!.partitions[11]!.logEndOffset;
  await expect(leo(page, 11)).toHaveAttribute('data-offset', String(before));
  await expect(leo(page, 11)).not.toBeInViewport();
  await nextFrames(page);

  await call(page, 'play');
  await advance(page, 10_000);
  const playing = (await summary(page)).topics['orders']!.partitions[11]!.logEndOffset;
  expect(playing).toBeGreaterThan(before);
  await nextFrames(page);
  await expect(leo(page, 11)).toHaveAttribute('data-offset', String(before));

  await leo(page, 11).scrollIntoViewIfNeeded();
  await expect.poll(async () => Number(await leo(page, 11).getAttribute('data-offset'))).toBeGreaterThanOrEqual(playing);

  await call(page, 'pause');
  const paused = await summary(page);
  for (let p = 0; p < 12; p++) await expect(leo(page, p)).toHaveAttribute('data-offset', String(paused.topics['orders']!.partitions[p]!.logEndOffset));
});

test('in email-outage the lane keeps email\'s committed offset on screen while it catches up, and the log says it resumed from it', async ({ page }) => {
  await openLab(page, '/#preset=email-outage');
  await advance(page, 56_000);
  const committed = (await summary(page)).groups['email']!.offsets['orders-0']!.committed!;
  const row = page.getByTestId('committed-email-orders-0');
  await expect(row).toHaveAttribute('data-offset', String(committed));
  // Far behind the log end: the lane breaks, and the committed offset sits in the left span.
  await expect(page.getByTestId('gap-orders-0')).toBeVisible();
  const gapFrom = Number(await page.getByTestId('gap-orders-0').getAttribute('data-from'));
  expect(committed).toBeLessThan(gapFrom);
  await expect(row.locator('text.committed-label')).toHaveText(new RegExp(`^committed ${committed} · lag \\d+`));
  await row.scrollIntoViewIfNeeded();
  await page.locator('.topic-lanes').screenshot({ path: 'test-results/lanes-email-catching-up.png' });

  await page.getByRole('tab', { name: 'Event log' }).click();
  const log = page.getByTestId('event-log');
  await log.getByLabel('Entity').selectOption('email');
  await expect(log.getByRole('button', { name: /email-0 resumes orders-0 at \d+, .*committed offsets/ })).toBeVisible();
});
