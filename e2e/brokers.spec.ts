/**
 * Brokers from the page (issue 17): on a replicated preset, the Brokers tab shows each broker's
 * replicas; crashing the leader's broker by its button makes the controller fence it and elect
 * a new leader, which the tab and the summary both show.
 */
import { expect, test } from '@playwright/test';
import { advance, openLab, summary } from './helpers';

test('crashing a broker from the Brokers tab moves its partitions to a new leader', async ({ page }) => {
  await openLab(page, '/#preset=idempotent-producer');
  await advance(page, 3000);
  await page.getByRole('tab', { name: 'Brokers' }).click();
  const broker0 = page.getByRole('region', { name: 'Broker 0' });
  await expect(broker0).toContainText('★ leader');
  await broker0.getByRole('button', { name: 'Crash broker 0' }).click();
  await advance(page, 100);
  await expect(broker0).toContainText('crashed');
  expect((await summary(page)).brokers['0']!.status).toBe('crashed');
  // The controller fences it after broker.session.timeout.ms (9 s) and elects a leader from the ISR.
  await advance(page, 10_000);
  const partition = (await summary(page)).topics['orders']!.partitions[0]!;
  expect(partition.leader).toBe(1);
  expect(partition.leaderEpoch).toBe(1);
  await expect(page.getByRole('region', { name: 'Broker 1' })).toContainText('★ leader');
  await expect(broker0).toContainText('fenced');
  await broker0.getByRole('button', { name: 'Start broker 0' }).click();
  // The preset slows broker 0's network from 10 s to 20 s: it catches up once that is over.
  await advance(page, 10_000);
  expect((await summary(page)).topics['orders']!.partitions[0]!.isr).toEqual([0, 1, 2]);
});

test('a broker takes its commands from the keyboard and from its context menu', async ({ page }) => {
  await openLab(page, '/#preset=idempotent-producer');
  await advance(page, 3000);
  await page.getByRole('tab', { name: 'Brokers' }).click();
  // Tab to a broker, Enter selects it, C crashes it.
  const broker1 = page.getByRole('button', { name: /^Broker 1, running/ });
  await broker1.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('c');
  await advance(page, 100);
  expect((await summary(page)).brokers['1']!.status).toBe('crashed');
  await expect(page.getByRole('region', { name: 'Broker 1', exact: true })).toContainText('✕ crashed');
  // Shift+F10 opens its menu, which now offers to start it.
  await page.getByRole('button', { name: /^Broker 1, crashed/ }).focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for broker 1' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Start broker 1' }).click();
  await advance(page, 100);
  expect((await summary(page)).brokers['1']!.status).toBe('running');
  // Right-click another broker: its menu slows its network; N (it is selected) restores it.
  await page.getByRole('button', { name: /^Broker 2, running/ }).click({ button: 'right' });
  await page.getByRole('menu', { name: 'Actions for broker 2' }).getByRole('menuitem', { name: 'Slow network (+2000 ms)' }).click();
  await advance(page, 100);
  const broker2 = page.getByRole('region', { name: 'Broker 2', exact: true });
  await expect(broker2.getByRole('button', { name: /^Broker 2, running, network \+2000 ms/ })).toBeVisible();
  await page.keyboard.press('n');
  await advance(page, 100);
  await expect(broker2.getByRole('button', { name: 'Broker 2, running', exact: true })).toBeVisible();
  await expect(broker2.getByRole('button', { name: 'Slow network (+2000 ms)' })).toBeVisible();
  // The keys are in the shortcut help.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText("Slow / restore the selected broker's network");
});

test('acks=1: the lane draws the high watermark apart from the log end, then marks the acknowledged records that were lost', async ({ page }) => {
  await openLab(page, '/#preset=acks-1-loses-data');
  // Broker 1 copies 3 s late from 5 s on: the leader's records above the HW are not yet committed.
  await advance(page, 12_000);
  let partition = (await summary(page)).topics['payments']!.partitions[0]!;
  expect(partition.highWatermark).toBeLessThan(partition.logEndOffset);
  const pending = partition.logEndOffset - partition.highWatermark;
  await expect(
    page.getByRole('img', { name: `payments-0: ${pending} records on the leader above the high watermark ${partition.highWatermark} (log end ${partition.logEndOffset}): not yet committed, no consumer reads them yet` }),
  ).toBeVisible();
  await expect(page.getByTestId('hw-payments-0')).toHaveAttribute('data-offset', String(partition.highWatermark));
  await expect(page.getByTestId('leo-payments-0')).toHaveAttribute('data-offset', String(partition.logEndOffset));
  await expect(page.getByRole('button', { name: `Partition payments-0: log start 0, log end ${partition.logEndOffset}, high watermark ${partition.highWatermark}` })).toBeVisible();
  // Broker 0 crashes at 15 s and is fenced at 24 s: broker 1 leads with a shorter log.
  await advance(page, 12_500);
  const lost = (await summary(page)).producers['checkout']!.ackedThenLost;
  expect(lost).toBeGreaterThan(0);
  partition = (await summary(page)).topics['payments']!.partitions[0]!;
  const mark = page.getByRole('img', { name: new RegExp(`^payments-0: ${lost} records acknowledged then lost at offsets ${partition.logEndOffset}–`) });
  await expect(mark).toBeVisible();
  await expect(page.getByTestId('uncommitted-payments-0')).toHaveCount(0);
  // New records take those offsets: the mark stays where the lost ones were.
  await advance(page, 6000);
  expect((await summary(page)).topics['payments']!.partitions[0]!.logEndOffset).toBeGreaterThan(partition.logEndOffset + lost);
  await expect(mark).toBeVisible();
});
