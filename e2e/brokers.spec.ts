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
