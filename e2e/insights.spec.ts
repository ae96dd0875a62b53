/**
 * The insight views in email-outage: the lag chart rises and drains, the Burrow badge changes
 * and returns to OK, the probe answers "not yet" then "yes, since …", and the describe table
 * matches the summary. Virtual time moves only through the browser API.
 */
import { expect, test, type Page } from '@playwright/test';
import { advance, openLab, seek, summary } from './helpers';

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

const emailLag = (page: Page) => page.locator('.lag-chart path[data-series="email"]');

test('in email-outage the lag chart rises during the outage and drains after it; the badge goes OK → STOP → OK', async ({ page }) => {
  await openLab(page, '/#preset=email-outage');
  // Pause the producer at 90 s (an intervention), then go back to the start.
  await advance(page, 90_000);
  await page.evaluate(() => (window as unknown as { __logscope: { apply(c: unknown): unknown } }).__logscope.apply({ type: 'pauseProducer', producer: 'checkout' }));
  await seek(page, 0);
  await openTab(page, 'Lag');
  await advance(page, 18_000);
  await expect(page.getByTestId('status-email')).toHaveAttribute('data-status', 'OK');
  await advance(page, 27_000);
  const during = Number(await emailLag(page).getAttribute('data-last-value'));
  expect(during).toBeGreaterThan(100);
  await expect(page.getByTestId('status-email')).toHaveAttribute('data-status', /STOP|WARN/);
  // Burrow's group status beside it: ERR for a STOP partition, WARN for a WARN one.
  await expect(page.getByTestId('status-email')).toHaveAttribute('data-group-status', /ERR|WARN/);
  expect(['ERR', 'WARN']).toContain((await summary(page)).groups['email']!.burrowStatus);
  await expect(page.getByTestId('status-inventory')).toHaveAttribute('data-status', 'OK');
  await expect(page.getByTestId('status-inventory')).toHaveAttribute('data-group-status', 'OK');
  // The inconsistency band also shows on the timeline, from the crash on.
  await expect(page.getByTestId('timeline-disagreement').last()).toBeVisible();
  await page.screenshot({ path: 'test-results/insights-lag-outage.png' });
  await page.locator('.lag-panel').screenshot({ path: 'test-results/insights-lag-chart.png' });
  await page.getByTestId('status-email').click();
  await expect(page.getByRole('note')).toContainText(/STOP|WARN/);
  await advance(page, 75_000);
  await expect(emailLag(page)).toHaveAttribute('data-last-value', '0');
  expect(Number(await emailLag(page).getAttribute('data-max-value'))).toBeGreaterThanOrEqual(during);
  await expect(page.getByTestId('status-email')).toHaveAttribute('data-status', 'OK');
  await page.screenshot({ path: 'test-results/insights-lag-recovered.png' });
});

test("the lag chart switches, by keyboard, from Kafka's lag to the records not yet processed", async ({ page }) => {
  await openLab(page, '/#preset=email-outage');
  await seek(page, 45_000);
  await openTab(page, 'Lag');
  const inventory = page.locator('.lag-chart path[data-series="inventory"]');
  // A healthy group: Kafka's lag climbs between auto-commits, so it is never flat at 0.
  expect(Number(await inventory.getAttribute('data-max-value'))).toBeGreaterThan(10);
  const kafkaLag = page.getByRole('radio', { name: 'Kafka lag (log end − committed)' });
  await expect(kafkaLag).toBeChecked();
  await kafkaLag.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Records not yet processed (log end − position)' })).toBeChecked();
  await expect(page.locator('.lag-chart')).toHaveAttribute('aria-label', /log end − position/);
  // Its position keeps up with the log end all along.
  expect(Number(await inventory.getAttribute('data-max-value'))).toBeLessThanOrEqual(5);
  // Crashed email owns nothing: what it has to process counts from its committed offset.
  expect(Number(await emailLag(page).getAttribute('data-last-value'))).toBeGreaterThan(100);
  await expect(page.locator('.lag-why')).toContainText('jumps with each auto-commit');
});

test('the probe answers "not yet" for an order placed during the outage and "yes, since …" after catch-up', async ({ page }) => {
  await openLab(page, '/#preset=email-outage');
  await advance(page, 30_000);
  const placed = (await summary(page)).producers['checkout']!.sent - 1;
  await advance(page, 10_000);
  await openTab(page, 'Consistency');
  await page.getByLabel('Order id').fill(`order-${placed}`);
  await page.getByRole('button', { name: 'Ask' }).click();
  const answer = page.getByTestId('probe-answer');
  await expect(answer.locator('[data-service="email"]')).toContainText('not yet');
  await expect(answer.locator('[data-service="inventory"]')).toContainText('yes, since');
  await expect(page.locator('.side-by-side .cell-missing').first()).toBeVisible();
  await page.locator('.consistency').screenshot({ path: 'test-results/insights-consistency.png' });
  await advance(page, 30_000);
  await expect(answer.locator('[data-service="email"]')).toContainText('yes, since');
});

test('the describe table shows what kafka-consumer-groups would, matching the summary', async ({ page }) => {
  await openLab(page, '/#preset=email-outage');
  await advance(page, 40_000);
  await openTab(page, 'Describe group');
  await page.getByLabel('Group to describe').selectOption('email');
  const table = page.getByTestId('describe-email');
  const s = await summary(page);
  for (const [key, offsets] of Object.entries(s.groups['email']!.offsets)) {
    const row = table.locator(`tr[data-partition="${key}"]`);
    // The tool lists a partition only with an owner or a commit (email is down: no owner).
    if (offsets.committed === null) {
      await expect(row).toHaveCount(0);
      continue;
    }
    await expect(row.locator('[data-col="consumer"]')).toHaveText('-');
    const partition = Number(key.split('-')[1]);
    await expect(row.locator('[data-col="current"]')).toHaveText(offsets.committed === null ? '-' : String(offsets.committed));
    await expect(row.locator('[data-col="leo"]')).toHaveText(String(s.topics['orders']!.partitions[partition]!.highWatermark));
    await expect(row.locator('[data-col="lag"]')).toHaveText(offsets.lag === null ? '-' : String(offsets.lag));
  }
  await expect(page.getByText("Consumer group 'email' has no active members.")).toBeVisible();
  await page.locator('.describe').screenshot({ path: 'test-results/insights-describe.png' });
  // --members and --state, for a healthy group: one member holding the three partitions.
  await page.getByLabel('Group to describe').selectOption('billing');
  await page.getByRole('radio', { name: '--members' }).check();
  const members = page.getByTestId('describe-members-billing');
  await expect(members.locator('[data-col="partitions"]')).toHaveText(['3']);
  await expect(members.locator('[data-col="assignment"]')).toHaveText(['(0,1,2)']);
  await page.locator('.describe').screenshot({ path: 'test-results/insights-describe-members.png' });
  await page.getByRole('radio', { name: '--state' }).check();
  await expect(page.getByTestId('describe-state-billing').locator('[data-col="state"]')).toHaveText('Stable');
  await expect(page.getByTestId('describe-state-billing').locator('[data-col="members"]')).toHaveText('1');
});

test('guarantee counters jump to the moment duplicates happened', async ({ page }) => {
  await openLab(page, '/#preset=email-outage');
  await advance(page, 80_000);
  await openTab(page, 'Guarantees');
  const row = page.getByTestId('guarantees-email');
  const jump = row.getByRole('button', { name: /duplicates; jump to/ });
  await expect(jump).toBeVisible();
  await page.locator('.guarantees').screenshot({ path: 'test-results/insights-guarantees.png' });
  const target = (await jump.getAttribute('data-target-ms'))!;
  const first = (await page.evaluate(() => (window as unknown as { __logscope: { summary(): { simTimeMs: number } } }).__logscope.summary().simTimeMs));
  expect(Number(target)).toBeLessThanOrEqual(first);
  await jump.click();
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', target);
  // At that moment the counter has just grown: the duplicates happened there.
  const at = await summary(page);
  expect(at.stats['email']!.duplicates).toBeGreaterThan(0);
});

test('the record inspector shows the partitioning arithmetic and which groups processed it', async ({ page }) => {
  await openLab(page);
  await advance(page, 10_000);
  await page.locator('[data-partition="orders-1"] rect.cell[data-offset="2"]').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText(/murmur2\("order-\d+"\) = -?\d+ → & 0x7fffffff = \d+ → % 3 = 1/);
  await expect(inspector).toContainText(/inventory\s*processed once, first at 0:0\d\.\d{3}/);
  await inspector.screenshot({ path: 'test-results/inspector-record.png' });
});

test('the consistency panel names the order that waited longest for email, and one click probes it', async ({ page }) => {
  await openLab(page, '/#preset=email-outage');
  await advance(page, 40_000);
  await page.getByRole('tab', { name: 'Consistency' }).click();
  const longest = page.getByTestId('longest-wait');
  // During the outage: the oldest order email has not seen, still waiting.
  await expect(longest).toContainText('email');
  await expect(longest).toContainText('has not applied it yet');
  const during = await longest.getAttribute('data-entity');
  await advance(page, 30_000);
  await expect(longest).toContainText(/email.*applied it \d+\.\d s later/);
  await longest.getByRole('button', { name: 'Probe it' }).click();
  const answer = page.getByTestId('probe-answer');
  const entity = await longest.getAttribute('data-entity');
  await expect(page.getByLabel('Order id')).toHaveValue(entity!);
  await expect(answer.locator('[data-service="email"]')).toContainText('yes, since');
  // The order that waited longest was placed during the outage (20 s to 50 s).
  const placed = Number((await longest.textContent())!.match(/placed at ([\d.]+) s/)![1]);
  expect(placed).toBeGreaterThanOrEqual(20);
  expect(placed).toBeLessThan(50);
  expect(during).not.toBeNull();
  await page.locator('.consistency').screenshot({ path: 'test-results/insights-longest-wait.png' });
});
