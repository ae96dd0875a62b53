/**
 * At 1280 × 720 (a common classroom projector, and Playwright's default) the story's evidence
 * fits without scrolling, in both colour profiles: the whole pipeline and, under every partition
 * of orders, the row of the group the story is about (email, crashed). Bounding boxes measured;
 * screenshots kept in test-results for a look.
 */
import { expect, test, type Page } from '@playwright/test';
import { nextFrames, openLab, seek } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

/** The lowest y the page shows: the viewport's bottom, or the top of presenter mode's caption bar. */
async function visibleBottom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const caption = document.querySelector('[data-testid="caption"]');
    const fixed = caption && getComputedStyle(caption).position === 'fixed' && caption.textContent !== '';
    return fixed ? caption.getBoundingClientRect().top : window.innerHeight;
  });
}

async function expectInside(page: Page, selector: string, bottom: number): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  expect(box, selector).not.toBeNull();
  expect(box!.y, `${selector} top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${selector} bottom`).toBeLessThanOrEqual(bottom);
  expect(box!.x + box!.width, `${selector} right`).toBeLessThanOrEqual(1280);
}

async function expectEvidenceInside(page: Page): Promise<void> {
  const bottom = await visibleBottom(page);
  await expectInside(page, 'svg[aria-label="Pipeline diagram"]', bottom);
  for (const partition of [0, 1, 2]) await expectInside(page, `[data-testid="committed-email-orders-${partition}"]`, bottom);
  // No scrolling was needed to see it.
  expect(await page.locator('.stage').evaluate((stage) => stage.scrollTop)).toBe(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // No button in view is cut off at the right edge.
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .map((b) => ({ text: b.textContent, box: b.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.top < window.innerHeight && box.right > window.innerWidth + 1)
      .map(({ text }) => text),
  );
  expect(clipped).toEqual([]);
}

test('at 1280×720 the pipeline and the affected group\'s lanes fit without scrolling, in both profiles', async ({ page }) => {
  await openLab(page, '/#preset=email-outage');
  await seek(page, 45_000);
  await nextFrames(page);
  // The lanes show the crashed service's rows only, and say so.
  await expect(page.getByTestId('lanes-focus')).toContainText('Rows of email only');
  await expect(page.locator('[data-testid="committed-billing-orders-0"]')).toHaveCount(0);
  await expectEvidenceInside(page);
  await page.screenshot({ path: 'test-results/short-screen-default.png' });

  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-profile', 'projector');
  await nextFrames(page);
  await expectEvidenceInside(page);
  await page.screenshot({ path: 'test-results/short-screen-projector.png' });

  // Every group's rows, on request; and back to the affected group's.
  await page.getByRole('button', { name: 'Every group' }).click();
  await expect(page.locator('[data-testid="committed-billing-orders-0"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Affected group only' }).click();
  await expect(page.locator('[data-testid="committed-billing-orders-0"]')).toHaveCount(0);
});
