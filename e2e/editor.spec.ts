/**
 * Edit scenario, through its JSON twin: an invalid edit shows its field path and keeps the run
 * (Apply disabled); a valid scenario pasted and applied gives the same run as opening it from a
 * file; Undo apply brings the run before back. Keyboard- and axe-clean.
 */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openLab, seek, summary } from './helpers';

const HOT_PARTITION = {
  format: 'logscope-scenario',
  version: 1,
  title: 'Pasted',
  seed: 4,
  topics: [{ name: 'clicks', partitions: 2 }],
  producers: [{ id: 'web', topic: 'clicks', ratePerSec: 8, event: 'Clicked', keys: { kind: 'sequence', prefix: 'c-' } }],
  services: [{ id: 'stats', subscribe: ['clicks'], instances: 2, processingMs: 20 }],
};

test('the JSON twin refuses an invalid edit with its path, applies a valid one like a file, and undoes it', async ({ page }) => {
  await openLab(page, '/#preset=checkout');
  await seek(page, 10_000);
  const before = await summary(page);

  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit scenario' });
  const json = dialog.getByRole('textbox', { name: 'Scenario JSON' });
  await expect(json).toBeVisible();
  // It opens on the current run, as its file would be.
  expect(JSON.parse(await json.inputValue())).toMatchObject({ format: 'logscope-scenario', title: expect.stringMatching(/^Checkout/) });
  await expect(dialog.getByTestId('editor-problems')).toContainText('A valid scenario');
  expect((await new AxeBuilder({ page }).include('.editor-dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => v.id)).toEqual([]);

  // Invalid: the problem names the field, Apply is disabled, the run is untouched.
  const text = await json.inputValue();
  await json.fill(text.replace(/"partitions": \d+/, '"partitions": 500'));
  await expect(dialog.getByTestId('editor-problems')).toContainText('topics[0].partitions');
  await expect(dialog.getByTestId('editor-problems')).toContainText('it must be an integer from 1 to 64');
  await expect(json).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await summary(page)).toEqual(before);

  // Valid, pasted: the same run as the same scenario opened from a file.
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await json.fill(JSON.stringify(HOT_PARTITION, null, 2));
  await expect(dialog.getByTestId('editor-problems')).toContainText('A valid scenario');
  await dialog.getByRole('button', { name: 'Apply' }).press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('edit-undo')).toContainText('opened at 0:10');
  const applied = await summary(page);
  expect(applied.simTimeMs).toBe(10_000);
  const fromFile = await page.evaluate(async (scenario) => {
    const api = (window as unknown as { __logscope: { load(s: unknown): Promise<unknown>; seek(ms: number): Promise<void>; summary(): unknown } }).__logscope;
    await api.load(scenario);
    await api.seek(10_000);
    return api.summary();
  }, HOT_PARTITION);
  expect(applied).toEqual(fromFile);

  // Apply again over the loaded run, then undo: the run before comes back exactly.
  const loaded = await summary(page);
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await dialog.getByRole('combobox', { name: 'Start from' }).selectOption({ label: 'a blank scenario' });
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('scenario-label')).toContainText('New scenario');
  await page.getByRole('button', { name: 'Undo apply' }).click();
  await expect(page.getByTestId('scenario-label')).toContainText('Pasted');
  expect(await summary(page)).toEqual(loaded);
});
