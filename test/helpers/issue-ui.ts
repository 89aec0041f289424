/** Steps and screenshots the issuing e2e tests share (the form, the books). */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The machine is shared: give the UI time to answer before calling it a failure. */
export const WAIT = { timeout: 20_000 };
/** Where the brief asks for the screenshots to be looked at; the CI copy stays in test-results. */
export const SHOTS_DIR = process.env.ISSUE_SHOTS_DIR ?? '/tmp/shots';

/** Copies a screenshot from test-results to {@link SHOTS_DIR} under the same name. */
export function keepShot(file: string): void {
  mkdirSync(SHOTS_DIR, { recursive: true });
  copyFileSync(file, path.join(SHOTS_DIR, path.basename(file)));
}

/** Adds the company on the Companies page and waits for it in the list. */
export async function addCompany(page: Page, company: { nip: string; name: string }): Promise<void> {
  await page.getByTestId('nav-companies').click();
  await page.getByTestId('company-nip').fill(company.nip);
  await page.getByTestId('company-name').fill(company.name);
  await page.getByRole('button', { name: 'Dodaj firmę' }).click();
  await expect.poll(() => page.getByTestId('company-entry').count(), WAIT).toBe(1);
}

/**
 * ArrowDown until the highlighted suggestion is the one named `option`, then Enter picks it. The list refreshes
 * as main answers each keystroke, so an earlier, shorter query's suggestion may be highlighted for a moment.
 */
export async function pickHighlighted(page: Page, option: RegExp = /./): Promise<void> {
  const highlighted = page.locator('.MuiAutocomplete-option.Mui-focused');
  await expect
    .poll(async () => {
      const text = (await highlighted.count()) === 1 ? ((await highlighted.textContent()) ?? '') : '';
      if (option.test(text)) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    }, WAIT)
    .toBe(true);
  await page.keyboard.press('Enter');
}

/** Types the start of a name into a form field, waits for the one suggestion named `option` and picks it. */
export async function typeAndPick(page: Page, field: 'buyer-name' | 'line-name', typed: string, option: RegExp): Promise<void> {
  await page.getByTestId(field).first().focus();
  await page.keyboard.type(typed);
  await expect.poll(() => page.getByRole('option', { name: option }).count(), WAIT).toBe(1);
  await pickHighlighted(page, option);
}
