/**
 * Helpers for driving the lab through its browser API (virtual time only; never sleeps).
 */
import type { Page } from '@playwright/test';
import type { Summary } from '../src/engine';

export async function openLab(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => Boolean((window as unknown as { __logscope?: unknown }).__logscope));
}

export async function advance(page: Page, ms: number): Promise<void> {
  await page.evaluate((delta) => (window as unknown as { __logscope: { advance(ms: number): Promise<void> } }).__logscope.advance(delta), ms);
}

export async function seek(page: Page, ms: number): Promise<void> {
  await page.evaluate((to) => (window as unknown as { __logscope: { seek(ms: number): Promise<void> } }).__logscope.seek(to), ms);
}

export async function summary(page: Page): Promise<Summary> {
  return page.evaluate(() => (window as unknown as { __logscope: { summary(): Summary } }).__logscope.summary());
}

/** Resolves after the page has rendered two more animation frames. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
