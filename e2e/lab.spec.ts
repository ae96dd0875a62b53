/**
 * The lab through its UI: break a consumer with a click, watch offsets react, scrub time back,
 * step, fork with a past intervention and undo it. Virtual time moves only through the browser
 * API or the UI's own controls, never by waiting.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { advance, openLab, seek, summary } from './helpers';

const simTime = (page: Page) => page.getByTestId('sim-time');
const nowMs = async (page: Page) => Number(await simTime(page).getAttribute('data-ms'));
const committedOffset = async (page: Page, group: string, partition: string) =>
  Number(await page.getByTestId(`committed-${group}-${partition}`).getAttribute('data-offset'));

async function selectInstance(page: Page, name: string): Promise<void> {
  await page.getByTestId(`pipeline-instance-${name}`).click();
  await expect(page.getByTestId('inspector').getByRole('heading')).toContainText(name);
}

test('crash email with a click: its committed offset stops while the others advance; started again it catches up', async ({ page }) => {
  await openLab(page);
  await advance(page, 15_000);
  const atFifteen = await committedOffset(page, 'email', 'orders-0');
  await advance(page, 5_000);
  await selectInstance(page, 'email-0');
  await page.getByRole('button', { name: 'Crash', exact: true }).click();
  await expect(page.getByTestId('pipeline-instance-email-0')).toHaveAttribute('data-status', 'crashed');
  await expect(page.getByTestId('instance-email-0')).toHaveAttribute('data-status', 'crashed');
  await expect(page.getByTestId('pipeline-instance-email-0')).toContainText('crashed');
  // At 1280×720 the lanes show the affected group's rows alone; the others are one click away.
  await expect(page.getByTestId('lanes-focus')).toContainText('Rows of email only');
  await page.getByRole('button', { name: 'Every group' }).click();

  await advance(page, 5_000);
  const email = await committedOffset(page, 'email', 'orders-0');
  const billing = await committedOffset(page, 'billing', 'orders-0');
  await advance(page, 15_000);
  await expect(page.getByTestId('committed-email-orders-0')).toHaveAttribute('data-offset', String(email));
  expect(await committedOffset(page, 'billing', 'orders-0')).toBeGreaterThan(billing);
  const behind = (await summary(page)).groups['email']!.offsets['orders-0']!.lag!;
  expect(behind).toBeGreaterThan(20);

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByTestId('pipeline-instance-email-0')).toHaveAttribute('data-status', 'running');
  await advance(page, 20_000);
  expect(await committedOffset(page, 'email', 'orders-0')).toBeGreaterThan(email + 20);
  for (const offsets of Object.values((await summary(page)).groups['email']!.offsets)) expect(offsets.lag!).toBeLessThan(15);

  // Scrub back to before the crash: the earlier offsets and the running status are back.
  await page.getByRole('slider', { name: 'Timeline' }).fill('15000');
  await expect(simTime(page)).toHaveAttribute('data-ms', '15000');
  await expect(page.getByTestId('committed-email-orders-0')).toHaveAttribute('data-offset', String(atFifteen));
  await expect(page.getByTestId('pipeline-instance-email-0')).toHaveAttribute('data-status', 'running');
  // Both interventions stay on the timeline, later than the playhead.
  await expect(page.getByTestId('timeline')).toContainText('crash email-0');
  await expect(page.getByTestId('timeline')).toContainText('start email-0');
});

test('steps forward and back one visible change at a time, by button and by key', async ({ page }) => {
  await openLab(page);
  await advance(page, 5_000);
  await page.getByRole('button', { name: 'Step forward' }).click();
  const first = await nowMs(page);
  expect(first).toBeGreaterThan(5_000);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => nowMs(page)).toBeGreaterThan(first);
  await page.keyboard.press('ArrowLeft');
  await expect(simTime(page)).toHaveAttribute('data-ms', String(first));
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(simTime(page)).toHaveAttribute('data-ms', '5000');
});

test('an intervention placed in the past forks the run after a confirmation, and undo restores it', async ({ page }) => {
  await openLab(page);
  await advance(page, 20_000);
  await selectInstance(page, 'email-0');
  await page.getByRole('button', { name: 'Crash', exact: true }).click();
  await advance(page, 20_000);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await advance(page, 10_000);
  const later = await summary(page);

  await seek(page, 10_000);
  await selectInstance(page, 'billing-0');
  await page.getByRole('button', { name: 'Slow ×5' }).click();
  const dialog = page.getByRole('dialog', { name: /Fork the run/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('crash email-0');
  await expect(dialog).toContainText('start email-0');
  await page.screenshot({ path: 'test-results/lab-fork-dialog.png' });
  await dialog.getByRole('button', { name: 'Fork the run' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('pipeline-instance-billing-0')).toContainText('×5 slow');
  await expect(page.getByTestId('timeline')).not.toContainText('crash email-0');
  await expect(page.getByTestId('fork-undo')).toContainText('2 later interventions dropped');

  await page.getByTestId('fork-undo').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('timeline')).toContainText('crash email-0');
  await expect(page.getByTestId('pipeline-instance-billing-0')).not.toContainText('slow');
  await expect(simTime(page)).toHaveAttribute('data-ms', '10000');
  await seek(page, later.simTimeMs);
  expect((await summary(page)).traceHash).toBe(later.traceHash);
});

test('cancelling the fork dialog keeps the later interventions', async ({ page }) => {
  await openLab(page);
  await advance(page, 20_000);
  await page.evaluate(() => (window as unknown as { __logscope: { apply(c: unknown): unknown } }).__logscope.apply({ type: 'crash', target: 'email-0' }));
  await seek(page, 5_000);
  await selectInstance(page, 'inventory-0');
  await page.getByRole('button', { name: 'Hang', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('pipeline-instance-inventory-0')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('timeline')).toContainText('crash email-0');
});

test('the context menu and the keyboard reach the same commands', async ({ page }) => {
  await openLab(page);
  await advance(page, 10_000);
  await page.getByTestId('pipeline-instance-inventory-0').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for inventory-0' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.screenshot({ path: 'test-results/lab-context-menu.png' });
  await menu.getByRole('menuitem', { name: 'Hang', exact: true }).click();
  await expect(page.getByTestId('pipeline-instance-inventory-0')).toHaveAttribute('data-status', 'hung');
  // Keyboard: the instance is selected, H resumes it, 5 slows it.
  await page.keyboard.press('h');
  await expect(page.getByTestId('pipeline-instance-inventory-0')).toHaveAttribute('data-status', 'running');
  await page.keyboard.press('5');
  await expect(page.getByTestId('pipeline-instance-inventory-0')).toContainText('×5 slow');
  // Shift+F10 on a focused entity opens its menu; Escape closes it.
  await page.getByTestId('pipeline-instance-billing-0').focus();
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menu', { name: 'Actions for billing-0' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  // Focus returns to the entity the menu was opened on, so Tab continues from there.
  await expect(page.getByTestId('pipeline-instance-billing-0')).toBeFocused();
});

test('Space plays and pauses; ? opens the shortcut help', async ({ page }) => {
  await openLab(page);
  await page.locator('body').press(' ');
  await expect.poll(() => nowMs(page)).toBeGreaterThan(0);
  await page.locator('body').press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Step to the next change');
  await page.screenshot({ path: 'test-results/lab-help.png' });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the event log explains, filters, and jumps the playhead to an entry', async ({ page }) => {
  await openLab(page);
  await advance(page, 20_000);
  await page.evaluate(() => (window as unknown as { __logscope: { apply(c: unknown): unknown } }).__logscope.apply({ type: 'crash', target: 'email-0' }));
  await advance(page, 15_000);
  await page.getByRole('tab', { name: 'Event log' }).click();
  const log = page.getByTestId('event-log');
  await log.getByLabel('Entity').selectOption('email');
  await expect(log.getByRole('button').first()).toContainText('email');
  await expect(log).not.toContainText('billing-0 joins');
  await log.getByLabel('Kind').selectOption('member');
  const crash = log.getByRole('button', { name: /email-0 crashed/ });
  await expect(crash).toBeVisible();
  await page.screenshot({ path: 'test-results/lab-event-log.png' });
  await crash.click();
  await expect(simTime(page)).toHaveAttribute('data-ms', '20000');
});

test('scenario notes appear as captions at their time', async ({ page }) => {
  await openLab(page);
  await expect(page.getByTestId('caption')).toContainText('checkout appends OrderPlaced');
  await advance(page, 8_000);
  await expect(page.getByTestId('caption')).toContainText('two-hop pipeline');
});

test('a rebalance shows what moved where; screenshots of the main views', async ({ page }) => {
  await openLab(page);
  await advance(page, 20_000);
  await page.getByTestId('service-inventory').getByRole('button', { name: /, service$/ }).click();
  await page.getByRole('button', { name: 'Scale to 2 instances' }).click();
  await advance(page, 8_000);
  const card = page.getByTestId('group-inventory');
  await expect(card).toContainText('gen 2');
  await expect(card).toContainText('← inventory-0');
  await page.screenshot({ path: 'test-results/lab-main.png' });
  await page.getByTestId('group-panel').screenshot({ path: 'test-results/lab-groups.png' });
  await page.locator('section.pipeline').screenshot({ path: 'test-results/lab-pipeline.png' });
  await page.locator('section.topic-lanes').screenshot({ path: 'test-results/lab-lanes.png' });
});

test('has no detectable accessibility violations, with something selected', async ({ page }) => {
  await openLab(page);
  await advance(page, 10_000);
  await selectInstance(page, 'email-0');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('with reduced motion no records travel; everything else is drawn', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openLab(page);
  await advance(page, 10_000);
  await expect(page.locator('.flow-dots')).toHaveCount(0);
  await expect(page.getByTestId('pipeline-instance-email-0')).toBeVisible();
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(page.locator('.flow-dots')).toHaveCount(1);
});
