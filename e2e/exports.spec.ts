/**
 * Export…: every item of the menu downloads a file that parses — CSV with its header and rows,
 * JSON lines, JSON, SVG as XML with an <svg> root, PNG by its signature. One page load.
 */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { openLab, seek } from './helpers';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const ITEMS = [
  'Event log (JSON lines)',
  'Event log (CSV)',
  'Lag over time (CSV)',
  'Consistency windows (CSV)',
  'Summary (JSON)',
  'Run (scenario file)',
  'Pipeline (SVG)',
  'Pipeline (PNG)',
  'Lanes (SVG)',
  'Lanes (PNG)',
  'Lag chart (SVG)',
  'Lag chart (PNG)',
];

test('every export downloads a file that parses', async ({ page }) => {
  await openLab(page, '/#preset=email-outage');
  await seek(page, 45_000);
  const exportButton = page.getByRole('button', { name: 'Export…' });
  await exportButton.click();
  await expect(page.getByRole('menuitem')).toHaveText(ITEMS);
  const axe = await new AxeBuilder({ page }).include('.export-menu').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  // By keyboard: the menu takes focus, Escape closes it and gives focus back.
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  for (const item of ITEMS) {
    await exportButton.click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item, exact: true }).click()]);
    const bytes = readFileSync((await download.path())!);
    const text = bytes.toString('utf8');
    const name = download.suggestedFilename();
    expect(name.startsWith('email-outage-orders-keep-flowing-email-catches-up-'), name).toBe(true);
    if (name.endsWith('.csv')) {
      const lines = text.split('\r\n').filter((line) => line !== '');
      expect(lines.length, name).toBeGreaterThan(1);
      expect(lines[0]!.split(',').length, name).toBeGreaterThan(3);
    } else if (name.endsWith('.jsonl')) {
      for (const line of text.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    } else if (name.endsWith('.json')) {
      expect(() => JSON.parse(text)).not.toThrow();
    } else if (name.endsWith('.svg')) {
      const root = await page.evaluate((svg) => {
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        return doc.querySelector('parsererror') ? 'parsererror' : doc.documentElement.localName;
      }, text);
      expect(root, name).toBe('svg');
    } else if (name.endsWith('.png')) {
      expect([...bytes.subarray(0, 8)], name).toEqual(PNG_SIGNATURE);
    } else throw new Error(`unexpected export ${name}`);
  }
  // The lag chart's export opened its tab.
  await expect(page.getByRole('tab', { name: 'Lag' })).toHaveAttribute('aria-selected', 'true');

  // The describe table copies as the tool's text output.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('tab', { name: 'Describe group' }).click();
  await page.getByRole('combobox', { name: 'Group to describe' }).selectOption('billing');
  await page.getByRole('button', { name: 'Copy as text' }).click();
  await expect(page.getByText("Copied: the tool's output, every row.")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const lines = copied.split('\n');
  expect(lines[1]).toMatch(/^GROUP {11}TOPIC {11}PARTITION {2}CURRENT-OFFSET {2}LOG-END-OFFSET {2}LAG {13}CONSUMER-ID {5}HOST {12}CLIENT-ID$/);
  expect(lines.filter((line) => line.startsWith('billing '))).toHaveLength(3);
});
