import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { advance, nextFrames, openLab, summary } from './helpers';

test('loads the default checkout scenario with three partition lanes', async ({ page }) => {
  await openLab(page);
  await expect(page.locator('[data-partition^="orders-"]')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reset' })).toBeVisible();
  await expect(page.getByTestId('sim-time')).toHaveText('t = 0:00.000');
});

test('advancing 10 s of virtual time moves log end and committed offsets forward', async ({ page }) => {
  await openLab(page);
  await advance(page, 10_000);
  const before = await summary(page);
  await expect(page.getByTestId('sim-time')).toHaveText('t = 0:10.000');
  await advance(page, 10_000);
  const after = await summary(page);
  await expect(page.getByTestId('sim-time')).toHaveText('t = 0:20.000');
  for (let p = 0; p < 3; p++) {
    expect(after.topics['orders']!.partitions[p]!.logEndOffset).toBeGreaterThan(before.topics['orders']!.partitions[p]!.logEndOffset);
    const key = `orders-${p}`;
    expect(after.groups['billing']!.offsets[key]!.committed!).toBeGreaterThan(before.groups['billing']!.offsets[key]!.committed ?? -1);
    const leo = page.getByTestId(`leo-${key}`);
    await expect(leo).toHaveAttribute('data-offset', String(after.topics['orders']!.partitions[p]!.logEndOffset));
    const committed = page.getByTestId(`committed-billing-${key}`);
    await expect(committed).toHaveAttribute('data-offset', String(after.groups['billing']!.offsets[key]!.committed));
  }
  await page.screenshot({ path: 'test-results/skeleton-lanes.png', fullPage: true });
});

test('play advances virtual time and pause stops it', async ({ page }) => {
  await openLab(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await page.getByTestId('sim-time').getAttribute('data-ms');
  await nextFrames(page);
  await nextFrames(page);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', paused!);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
});

test("the browser's trace hash equals the CLI's for the same scenario and time", async ({ page }) => {
  await openLab(page);
  await advance(page, 30_000);
  const browser = await summary(page);
  const cli = JSON.parse(
    execFileSync('npx', ['tsx', 'src/cli/sim.ts', 'checkout', '--until', '30'], { encoding: 'utf8' }),
  ) as typeof browser;
  expect(browser.traceHash).toBe(cli.traceHash);
  expect(browser.simTimeMs).toBe(30_000);
  expect(browser.topics).toEqual(cli.topics);
});
