/**
 * Lessons in the browser: one completed by keyboard only, one by clicks with "Do it for me"
 * (the prediction shown beside the measured outcome, Back restoring the previous step's start,
 * axe-clean at a predict and an explain step), and broken lesson links refused with the run
 * kept. Virtual time moves only through the test API.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { Summary } from '../src/engine';
import { advance, openLab, summary } from './helpers';

interface LessonStatus {
  id: string;
  step: number;
  steps: number;
  kind: string;
  canContinue: boolean;
  done: boolean;
}

const lessonStatus = (page: Page) =>
  page.evaluate(() => (window as unknown as { __logscope: { lesson(): LessonStatus | null } }).__logscope.lesson());

const traceHash = (page: Page) => page.evaluate(() => (window as unknown as { __logscope: { traceHash(): string } }).__logscope.traceHash());

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('.lesson-panel').analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Presses Tab (or Shift+Tab) until the focused element has this accessible text; fails after 400. */
async function tabTo(page: Page, name: string | RegExp, backwards = false): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      if (el instanceof HTMLInputElement && el.type === 'radio') return `radio:${el.closest('label')?.textContent ?? ''}`;
      return el.getAttribute('aria-label') ?? el.textContent ?? '';
    });
    if (typeof name === 'string' ? text.trim() === name : name.test(text)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached ${String(name)}`);
}

test('a lesson completed by clicks with Do it for me: prediction beside the outcome, Back restores the step, axe-clean', async ({ page }) => {
  await openLab(page, '/#lesson=pub-sub-fan-out');
  const panel = page.getByRole('region', { name: /Lesson/ });
  await expect(panel).toBeVisible();
  expect(await lessonStatus(page)).toMatchObject({ id: 'pub-sub-fan-out', step: 1, kind: 'observe', canContinue: false, done: false });
  await expect(panel.getByRole('button', { name: 'Continue' })).toHaveAttribute('aria-disabled', 'true');
  await advance(page, 12_000);
  await expect.poll(() => lessonStatus(page).then((s) => s?.canContinue)).toBe(true);
  await panel.getByRole('button', { name: 'Continue' }).click();

  // Predict: radios in a fieldset; the button goes away once the answer is locked in.
  expect((await lessonStatus(page))!.kind).toBe('predict');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/lesson-predict.png' });
  await panel.getByRole('radio', { name: /Billing stops too/ }).check();
  await panel.getByRole('button', { name: 'Lock in my prediction' }).click();
  await expect(panel.getByRole('button', { name: 'Lock in my prediction' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Continue' }).click();

  // Act: Do it for me applies the reference command once. The act step begins paused.
  expect((await lessonStatus(page))!.kind).toBe('act');
  const actStart: Summary = await summary(page);
  const doIt = panel.getByRole('button', { name: 'Do it for me' });
  await doIt.click();
  await expect(doIt).toBeDisabled();
  expect((await summary(page)).groups['email']!.members['email-0']!.status).toBe('crashed');
  await panel.getByRole('button', { name: 'Continue' }).click();

  // Observe: the clock runs until the model gets there; then the explanation.
  expect((await lessonStatus(page))!.kind).toBe('observe');
  await advance(page, 30_000);
  await expect.poll(() => lessonStatus(page).then((s) => s?.canContinue)).toBe(true);
  await panel.getByRole('button', { name: 'Continue' }).click();

  expect((await lessonStatus(page))!.kind).toBe('explain');
  await expect(panel).toContainText('You predicted: Billing stops too: it waits for email');
  await expect(panel).toContainText('✗ Not quite');
  const now = await summary(page);
  const billing = now.stats['billing']!.uniqueProcessed;
  await expect(panel.getByRole('row', { name: /orders billing has processed/ })).toContainText(billing.toLocaleString('en-US'));
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/lesson-explain.png' });

  // Back twice: the act step exactly as it began (no crash yet, Do it for me offered again).
  await panel.getByRole('button', { name: 'Back' }).click();
  expect((await lessonStatus(page))!.kind).toBe('observe');
  await panel.getByRole('button', { name: 'Back' }).click();
  expect((await lessonStatus(page))!.kind).toBe('act');
  expect(await summary(page)).toEqual(actStart);
  await expect(doIt).toBeEnabled();
  await doIt.click();
  await panel.getByRole('button', { name: 'Continue' }).click();
  await advance(page, 30_000);
  await expect.poll(() => lessonStatus(page).then((s) => s?.canContinue)).toBe(true);
  await panel.getByRole('button', { name: 'Continue' }).click();
  await panel.getByRole('button', { name: 'Continue' }).click();
  expect(await lessonStatus(page)).toMatchObject({ kind: 'check', canContinue: true });
  await panel.getByRole('button', { name: 'Continue' }).click();
  expect(await lessonStatus(page)).toMatchObject({ kind: 'free', done: true });
  await expect(panel.getByRole('button', { name: /^Next lesson:/ })).toBeVisible();
  await expect(page).toHaveURL(/#lesson=pub-sub-fan-out&step=7$/);
});

test('a lesson completed by keyboard only', async ({ page }) => {
  await openLab(page, '/#lesson=pub-sub-fan-out');
  const panel = page.getByRole('region', { name: /Lesson/ });
  await expect(panel).toBeVisible();
  await advance(page, 12_000);
  // The step's goal is checked when the advanced run is published: Continue opens then, not
  // necessarily by the time advance() answers (pressing Enter earlier does nothing).
  await expect(panel.getByRole('button', { name: 'Continue' })).not.toHaveAttribute('aria-disabled', 'true');
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');
  expect((await lessonStatus(page))!.kind).toBe('predict');
  // Focus stays on Continue; the answers are just before it.
  await tabTo(page, /^radio:/, true);
  const right = page.getByRole('radio', { name: /carries on/ });
  for (let i = 0; i < 6 && !(await right.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(right).toBeChecked();
  await tabTo(page, 'Lock in my prediction');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');
  expect((await lessonStatus(page))!.kind).toBe('act');
  // The learner acts through the lab itself: select email-0 and crash it from its menu keys.
  await tabTo(page, /^email-0 /);
  await page.keyboard.press('Enter');
  await page.keyboard.press('c');
  await expect.poll(() => summary(page).then((s) => s.groups['email']!.members['email-0']!.status)).toBe('crashed');
  expect((await lessonStatus(page))!.canContinue).toBe(true);
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');
  await advance(page, 30_000);
  await expect.poll(() => lessonStatus(page).then((s) => s?.canContinue)).toBe(true);
  for (const kind of ['explain', 'check', 'free']) {
    await page.keyboard.press('Enter');
    expect((await lessonStatus(page))!.kind).toBe(kind);
    if (kind === 'explain') await expect(page.getByRole('region', { name: /Lesson/ })).toContainText('✓ Right');
  }
  expect((await lessonStatus(page))!.done).toBe(true);
});

test('broken lesson links show what is wrong and keep a working lab', async ({ page }) => {
  await openLab(page, '/#lesson=no-such-lesson');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('lesson "no-such-lesson" does not exist');
  await expect(alert).toContainText('Nothing was opened; the default run is shown instead.');
  expect(await lessonStatus(page)).toBeNull();
  const before = await traceHash(page);
  await page.evaluate(() => {
    window.location.hash = '#lesson=pub-sub-fan-out&step=99';
  });
  await expect(alert).toContainText('step "99" is not a step of "pub-sub-fan-out"');
  expect(await traceHash(page)).toBe(before);
  await advance(page, 5_000);
  expect((await summary(page)).producers['checkout']!.sent).toBeGreaterThan(0);
});

test('the eventual-consistency act done through the inspector: inventory has order-10, email not yet', async ({ page }) => {
  await openLab(page, '/#lesson=eventual-consistency&step=3');
  await expect.poll(() => lessonStatus(page).then((s) => s?.kind)).toBe('act');
  for (const [service, hit] of [['inventory', 'true'], ['email', 'false']] as const) {
    await page.locator(`[data-selection="group:${service}"]`).first().click();
    await page.getByLabel('Entity to ask about').fill('order-10');
    await page.getByRole('button', { name: 'Ask the read model' }).click();
    await expect(page.getByTestId(`query-answer-${service}`)).toHaveAttribute('data-hit', hit);
  }
  await expect(page.getByTestId('query-answer-email')).toContainText('Not found: email has not applied order-10');
  expect((await lessonStatus(page))!.canContinue).toBe(true);
});
