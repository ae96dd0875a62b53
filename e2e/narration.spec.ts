/**
 * Layout and access for keyboard and screen-reader users: the narration in a polite live
 * region (commands answered, one summary per seek), its setting, the skip link, arrow keys in
 * the pipeline, accessible names, forced colours. Virtual time moves only through the test API.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { advance, openLab, seek } from './helpers';

const narration = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __logscope: { narration(): string[] } }).__logscope.narration(),
  );
const focusedEntity = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-selection') ?? null);
const simTimeMs = async (page: Page) =>
  Number(await page.getByTestId('sim-time').getAttribute('data-ms'));

/** Narration sent after `before` (a list `narration` returned earlier). */
async function sentSince(page: Page, before: readonly string[]): Promise<string[]> {
  const all = await narration(page);
  expect(all.slice(0, before.length)).toEqual(before);
  return all.slice(before.length);
}

async function crashFromPage(page: Page, instance: string): Promise<void> {
  await page.getByTestId(`pipeline-instance-${instance}`).click();
  await expect(page.getByTestId('inspector').getByRole('heading')).toContainText(instance);
  await page.getByRole('button', { name: 'Crash', exact: true }).click();
}

test('a crash applied from the page is announced in the live region within a second, once', async ({
  page,
}) => {
  await openLab(page, '/#preset=email-outage');
  const region = page.getByTestId('narration');
  // The region is there from the first render, so screen readers are already listening to it.
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await advance(page, 10_000);
  await expect
    .poll(() => narration(page))
    .toEqual(['At 0:10: all 4 instances running; every group up to date.']);
  const before = await narration(page);
  await crashFromPage(page, 'email-0');
  await expect(region).toContainText('email-0 crashed.', { timeout: 1000 });
  await expect.poll(() => sentSince(page, before), { timeout: 1000 }).toEqual(['email-0 crashed.']);
  // Hanging it now (from the console: the page's button is disabled) is refused, and the
  // refusal is the answer.
  await page.evaluate(() =>
    (window as unknown as { __logscope: { apply(c: unknown): unknown } }).__logscope.apply({
      type: 'hang',
      target: 'email-0',
    }),
  );
  await expect
    .poll(() => sentSince(page, before), { timeout: 1000 })
    .toEqual(['email-0 crashed.', 'Refused: email-0 is crashed, not running.']);
});

test('seeking says nothing while the playhead jumps, then exactly one summary', async ({
  page,
}) => {
  await openLab(page);
  const before = await narration(page);
  // Three jumps in quick succession, as a dragged scrubber makes them.
  await page.evaluate(async () => {
    const api = (window as unknown as { __logscope: { seek(ms: number): Promise<void> } })
      .__logscope;
    await api.seek(5_000);
    await api.seek(20_000);
    await api.seek(12_000);
  });
  await expect
    .poll(() => sentSince(page, before))
    .toEqual(['At 0:12: all 4 instances running; every group up to date.']);
  // Nothing more was queued: the next message is the answer to the next action.
  await crashFromPage(page, 'billing-0');
  await expect
    .poll(() => sentSince(page, before))
    .toEqual(['At 0:12: all 4 instances running; every group up to date.', 'billing-0 crashed.']);
});

test('the narration setting is a labelled select that is kept, and "off" answers nothing', async ({
  page,
}) => {
  await openLab(page);
  const setting = page.getByLabel('Narration', { exact: true });
  await expect(setting).toHaveValue('everything');
  await setting.selectOption('off');
  await page.reload();
  await page.waitForFunction(() =>
    Boolean((window as unknown as { __logscope?: unknown }).__logscope),
  );
  await expect(page.getByLabel('Narration', { exact: true })).toHaveValue('off');
  await seek(page, 10_000);
  const before = await narration(page);
  await crashFromPage(page, 'email-0');
  await page.getByLabel('Narration', { exact: true }).selectOption('actions');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // Answers are sent as the command is applied: had "off" answered the crash, it would be here.
  await expect.poll(() => sentSince(page, before)).toEqual(['email-0 started.']);
});

test('the skip link is the first Tab stop, shows when focused and moves focus to the pipeline', async ({
  page,
}) => {
  await openLab(page);
  await advance(page, 10_000);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the pipeline' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.screenshot({ path: 'test-results/a11y-skip-link.png' });
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedEntity(page)).toBe('producer:checkout');
  await expect(page.locator('#pipeline')).toContainText('checkout');
  expect(await page.evaluate(() => document.activeElement?.closest('#pipeline') !== null)).toBe(
    true,
  );
  // The address is not changed: a fragment is read as a link to open.
  expect(new URL(page.url()).hash).not.toBe('#pipeline');
});

test('arrow keys move between pipeline entities, and are not also the step shortcuts', async ({
  page,
}) => {
  await openLab(page);
  await advance(page, 10_000);
  await page.getByTestId('pipeline-instance-billing-0').focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedEntity(page)).toBe('group:email');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedEntity(page)).toBe('instance:email-0');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focusedEntity(page)).toBe('group:email');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => focusedEntity(page)).toMatch(/^(partition|topic):/);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => focusedEntity(page)).toBe('producer:checkout');
  await page.keyboard.press('Control+End');
  await expect.poll(() => focusedEntity(page)).toBe('group:shipping');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => focusedEntity(page)).toMatch(/^(group:shipping|instance:shipping-0)$/);
  await page.keyboard.press('Home');
  await expect.poll(() => focusedEntity(page)).toBe('group:inventory');
  // → and ← step the run elsewhere; in the pipeline they only moved focus.
  expect(await simTimeMs(page)).toBe(10_000);
});

test('has no detectable accessibility violations with the narration control shown; badge names start with their text', async ({
  page,
}) => {
  await openLab(page, '/#preset=email-outage');
  await advance(page, 30_000);
  await expect(page.getByLabel('Narration', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Lag' }).click();
  const badge = page.getByTestId('status-email');
  await expect(badge).toBeVisible();
  const visible = (await badge.innerText()).replace(/\s+/g, ' ').trim();
  expect(await badge.getAttribute('aria-label')).toMatch(
    new RegExp(`^${visible.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`),
  );
  await page.screenshot({ path: 'test-results/a11y-narration-control.png' });
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});

test('in forced colours the pipeline draws in system colours and the focus ring stays visible', async ({
  page,
}) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await openLab(page);
  await advance(page, 10_000);
  await page.getByTestId('pipeline-instance-email-0').focus();
  await page.keyboard.press('ArrowDown');
  const colours = await page.evaluate(() => {
    const system = (name: string) => {
      const probe = document.createElement('span');
      probe.style.color = name;
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    };
    const focused = document.activeElement!.querySelector('rect')!;
    const node = document.querySelector('#pipeline rect.node-topic')!;
    const glyph = document.querySelector('#pipeline .status-glyph')!;
    return {
      focusRing: getComputedStyle(focused).stroke === system('Highlight'),
      nodeFill: getComputedStyle(node).fill === system('Canvas'),
      nodeOutline: getComputedStyle(node).stroke === system('CanvasText'),
      glyph: getComputedStyle(glyph).fill === system('CanvasText'),
    };
  });
  expect(colours).toEqual({ focusRing: true, nodeFill: true, nodeOutline: true, glyph: true });
  await page.screenshot({ path: 'test-results/a11y-forced-colours.png' });
});
