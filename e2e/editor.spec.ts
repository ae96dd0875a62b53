/**
 * Edit scenario, through its forms: a topic, a producer and a service added and filled in by
 * keyboard become the run; the forms and the JSON twin stay in step both ways. Through its JSON twin: an invalid edit shows its field path and keeps the run
 * (Apply disabled); a valid scenario pasted and applied gives the same run as opening it from a
 * file; Undo apply brings the run before back. Keyboard- and axe-clean.
 */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { advance, openLab, seek, summary } from './helpers';

// The editor's dialog holds hundreds of fields, and axe over it takes seconds on a busy machine.
test.slow();

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

  // Closed without Apply, the edit is kept: opening the editor again gives it back.
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Your edit from before' })).toBeVisible();
  await expect(dialog.getByTestId('editor-problems')).toContainText('topics[0].partitions');

  // Valid, pasted: the same run as the same scenario opened from a file.
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

test('a topic, a producer and a service added through the forms become the run; forms and JSON stay in step', async ({ page }) => {
  await openLab(page, '/#preset=checkout');
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit scenario' });
  const json = dialog.getByRole('textbox', { name: 'Scenario JSON' });
  await dialog.getByRole('combobox', { name: 'Start from' }).selectOption({ label: 'a blank scenario' });
  const topics = dialog.getByRole('region', { name: 'Topics' });
  const producers = dialog.getByRole('region', { name: 'Producers' });
  const services = dialog.getByRole('region', { name: 'Services' });

  // Add topic: focus lands in the new topic's first field; typing there is the JSON's edit.
  await topics.getByRole('button', { name: 'Add topic' }).click();
  const topic = topics.getByRole('group', { name: /^topic 2/ });
  await expect(topic.getByRole('textbox', { name: 'name', exact: true })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('clicks');
  await topic.getByRole('textbox', { name: 'partitions' }).fill('4');
  await topic.locator('summary', { hasText: 'config' }).click();
  await topic.getByRole('combobox', { name: 'cleanup.policy' }).selectOption('compact');
  // Every Kafka config shows its default and meaning.
  await expect(topic.getByText(/default 604800000 · integer ≥ -1 · How long a record is kept/)).toBeVisible();

  await producers.getByRole('button', { name: 'Add producer' }).click();
  const producer = producers.getByRole('group', { name: /^producer 1/ });
  await producer.getByRole('textbox', { name: 'id', exact: true }).fill('web');
  await producer.getByRole('textbox', { name: 'topic', exact: true }).fill('clicks');
  await producer.getByRole('textbox', { name: 'ratePerSec' }).fill('20');
  await producer.getByRole('combobox', { name: 'keys.kind' }).selectOption('uniform');
  await producer.getByRole('textbox', { name: 'count' }).fill('50');

  await services.getByRole('button', { name: 'Add service' }).click();
  const service = services.getByRole('group', { name: /^service 1/ });
  await service.getByRole('textbox', { name: 'id', exact: true }).fill('stats');
  await service.getByRole('textbox', { name: 'subscribe' }).fill('clicks');
  await service.getByRole('textbox', { name: 'instances' }).fill('2');

  // The JSON twin has every form edit.
  await expect(dialog.getByTestId('editor-problems')).toContainText('A valid scenario');
  expect(JSON.parse(await json.inputValue())).toMatchObject({
    topics: [{ name: 'orders' }, { name: 'clicks', partitions: 4, config: { 'cleanup.policy': 'compact' } }],
    producers: [{ id: 'web', topic: 'clicks', ratePerSec: 20, keys: { kind: 'uniform', count: 50 } }],
    services: [{ id: 'stats', subscribe: ['clicks'], instances: 2 }],
  });

  // An invalid value in a form: the validator's message with its path, at the field; Apply disabled.
  const partitions = topic.getByRole('textbox', { name: 'partitions' });
  await partitions.fill('99');
  await expect(partitions).toHaveAttribute('aria-invalid', 'true');
  await expect(topic).toContainText('topics[1].partitions partitions is 99; it must be an integer from 1 to 64');
  await expect(dialog.getByTestId('editor-problems')).toContainText('topics[1].partitions');
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
  expect((await new AxeBuilder({ page }).include('.editor-dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => v.id)).toEqual([]);

  // The other way: the JSON edited, the form shows it.
  await json.fill((await json.inputValue()).replace('"partitions": 99', '"partitions": 6'));
  await expect(partitions).toHaveValue('6');
  await expect(partitions).toHaveAttribute('aria-invalid', 'false');

  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('scenario-label')).toContainText('New scenario');
  await advance(page, 10_000);
  const run = await summary(page);
  expect(run.topics.clicks!.partitions).toHaveLength(6);
  expect(run.producers.web!.ratePerSec).toBe(20);
  expect(run.producers.web!.sent).toBeGreaterThan(100);
  expect(Object.keys(run.groups.stats!.members)).toHaveLength(2);
  expect(run.topics.clicks!.partitions.reduce((sum, p) => sum + p.logEndOffset, 0)).toBe(run.producers.web!.sent);
});

test('the forms are keyboard-operable: sections by name, Escape closes and keeps the run', async ({ page }) => {
  await openLab(page, '/#preset=checkout');
  await seek(page, 5_000);
  const before = await summary(page);
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit scenario' });
  await dialog.getByRole('navigation', { name: 'Form sections' }).getByRole('button', { name: 'Services' }).press('Enter');
  await expect(dialog.getByRole('heading', { name: /^Services/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Remove service 1: inventory' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('group', { name: 'service 1: inventory' }).getByRole('textbox', { name: 'id', exact: true })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type('-x');
  await expect(dialog.getByRole('group', { name: 'service 1: inventory-x' })).toBeVisible();
  // Remove by keyboard: focus goes to Add, not lost.
  await dialog.getByRole('button', { name: 'Remove service 1: inventory-x' }).press('Enter');
  await expect(dialog.getByRole('button', { name: 'Add service' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await summary(page)).toEqual(before);
});
