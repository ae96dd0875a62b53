/**
 * Presenter mode at 1920 × 1080 (a classroom projector): turned on by `?presenter`, large type
 * (the clock's digits at least 28 px), the caption large at the bottom, PageDown / PageUp from a
 * presentation remote step through the run, the spotlight dims all but the selection, and the
 * whole page is axe-clean against every WCAG 2.2 A/AA rule.
 */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { advance, openLab, seek } from './helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

const renderedPx = (page: import('@playwright/test').Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const zoom = Number(getComputedStyle(document.documentElement).zoom) || 1;
    return parseFloat(getComputedStyle(el).fontSize) * zoom;
  }, selector);

test('presenter mode: large clock and caption, remote keys, spotlight, axe-clean', async ({ page }) => {
  await openLab(page, '/?presenter#preset=email-outage');
  const toggle = page.getByRole('button', { name: 'Presenter' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-profile', 'projector');
  await seek(page, 52_000);

  const clock = page.getByRole('timer', { name: 'Virtual time' });
  await expect(clock).toContainText('0:52');
  expect(await renderedPx(page, '[data-testid="sim-time"]')).toBeGreaterThanOrEqual(28);
  expect(await renderedPx(page, 'body')).toBeGreaterThanOrEqual(18);
  // Chrome off: the file buttons step aside; the caption sits large at the bottom of the screen.
  await expect(page.getByRole('button', { name: 'Save file' })).toBeHidden();
  const caption = (await page.getByTestId('caption').boundingBox())!;
  expect(caption.y + caption.height).toBeGreaterThan(1040);
  expect(await renderedPx(page, '[data-testid="caption"]')).toBeGreaterThanOrEqual(28);

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: 'test-results/presenter-1920.png' });

  // A presentation remote: PageDown to the next change, PageUp back to where it was.
  await page.locator('body').click({ position: { x: 5, y: 600 } });
  const before = await page.evaluate(() => (window as unknown as { __logscope: { now(): number } }).__logscope.now());
  await page.keyboard.press('PageDown');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __logscope: { now(): number } }).__logscope.now())).toBeGreaterThan(before);
  await page.keyboard.press('PageUp');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __logscope: { now(): number } }).__logscope.now())).toBe(before);

  // Spotlight: select email, everything else in the pipeline dims.
  await page.getByTestId('readmodel-email').click();
  await page.getByRole('button', { name: 'Spotlight' }).click();
  const opacity = (testId: string) => page.getByTestId(testId).evaluate((el) => Number(getComputedStyle(el).opacity));
  expect(await opacity('readmodel-email')).toBe(1);
  expect(await opacity('readmodel-billing')).toBeLessThan(0.5);

  // Off again: the default profile, the file buttons back.
  await toggle.click();
  await expect(page.locator('html')).not.toHaveAttribute('data-profile', 'projector');
  await expect(page.getByRole('button', { name: 'Save file' })).toBeVisible();
  await advance(page, 1000);
});

test.describe('at 200 % zoom (1280 × 720 shown as 640 × 360 CSS px)', () => {
  test.use({ viewport: { width: 640, height: 360 } });
  test('the clock and the time controls are whole', async ({ page }) => {
    await openLab(page, '/#preset=email-outage');
    await seek(page, 45_000);
    for (const locator of [page.getByTestId('sim-time'), page.getByRole('button', { name: 'Presenter' }), page.getByRole('button', { name: 'Keyboard shortcuts' })]) {
      const box = (await locator.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(640);
    }
    expect(await page.getByTestId('sim-time').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expect(page.getByTestId('sim-time')).toHaveText('t = 0:45.000');
  });
});
