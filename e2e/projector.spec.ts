/**
 * On a wide screen (a classroom projector at 1920 × 1080) the whole lab is drawn larger, and
 * everything placed from mouse coordinates still lands where the pointer is.
 */
import { expect, test } from '@playwright/test';
import { advance, openLab } from './helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

test('at 1920 px the lab is zoomed for a projector; the context menu opens at the pointer and clicks hit their target', async ({ page }) => {
  await openLab(page, '/#preset=email-outage');
  await advance(page, 35_000);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).zoom)).toBe('1.25');
  // Text is drawn larger than its CSS size: the clock's box is taller than at 1280 px.
  const clock = (await page.getByTestId('sim-time').boundingBox())!;
  expect(clock.height).toBeGreaterThan(28);
  // Viewport units are zoomed too: the lab must still fit the window, not run 25 % below it.
  const app = (await page.locator('.app').boundingBox())!;
  expect(app.y + app.height).toBeLessThanOrEqual(1081);
  expect(app.height).toBeGreaterThan(1000);

  const instance = (await page.getByTestId('pipeline-instance-billing-0').boundingBox())!;
  const at = { x: instance.x + 20, y: instance.y + 5 };
  await page.mouse.click(at.x, at.y, { button: 'right' });
  const menu = (await page.getByRole('menu').boundingBox())!;
  expect(Math.abs(menu.x - at.x)).toBeLessThan(4);
  expect(Math.abs(menu.y - at.y)).toBeLessThan(4);
  await page.keyboard.press('Escape');

  await page.locator('[data-partition="orders-1"] rect.cell[data-offset="30"]').click();
  await expect(page.getByTestId('inspector').getByRole('heading')).toContainText('orders-1@30');
  await page.screenshot({ path: 'test-results/projector-1920.png' });
});
