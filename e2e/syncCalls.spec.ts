/**
 * The checkout as synchronous calls (`#preset=sync-checkout`): the client shows failed orders
 * only while email is down (20 s to 50 s), the chart counts them, and the event log explains
 * them. Virtual time moves only through the test API.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { advance, nextFrames, openLab, seek, summary } from './helpers';

test('sync-checkout: failed orders appear only during the email outage', async ({ page }) => {
  await openLab(page, '/#preset=sync-checkout');
  const failed = page.getByTestId('producer-failed-checkout');
  const chartFailed = page.getByTestId('calls-failed-checkout');

  await seek(page, 19_000);
  await nextFrames(page);
  expect((await summary(page)).requests?.['checkout']).toMatchObject({ failed: 0, timedOut: 0 });
  await expect(failed).toHaveText('✕ 0 failed');
  await expect(chartFailed).toHaveText('0 failed');

  await seek(page, 35_000);
  await nextFrames(page);
  const during = (await summary(page)).requests!['checkout']!;
  expect(during.failed).toBeGreaterThan(50);
  await expect(failed).toHaveText(`✕ ${during.failed} failed`);
  await expect(chartFailed).toHaveText(`${during.failed} failed`);
  await expect(page.getByTestId('pipeline-instance-email-0')).toHaveAttribute('data-status', 'crashed');
  // The calls drawing and chart pass axe (contrast of the red failure text, the chart's name).
  const axe = await new AxeBuilder({ page }).include('#pipeline').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await seek(page, 52_000);
  const atRecovery = (await summary(page)).requests!['checkout']!.failed;
  await advance(page, 20_000);
  await nextFrames(page);
  const after = (await summary(page)).requests!['checkout']!;
  expect(after.failed).toBe(atRecovery);
  expect(after.succeeded).toBeGreaterThan(during.succeeded + 50);
  await expect(failed).toHaveText(`✕ ${atRecovery} failed`);

  // The event log explains a failure in words.
  await page.getByRole('tab', { name: 'Event log' }).click();
  await expect(page.getByText(/order-\d+ failed: email refused the call \(crashed\)\./).first()).toBeVisible();
});
