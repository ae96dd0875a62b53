import { expect, test } from '@playwright/test';

// Placeholder until the real e2e specs land: proves the build is served and Chromium drives it.
test('serves the app shell from the production build', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.ok()).toBe(true);
  await expect(page.locator('body')).toBeAttached();
});
