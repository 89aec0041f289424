import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningSandbox } from '../../electron/sandbox/index';
import { runCli, startBrowserMode, tempProfile, type BrowserModeApp } from './browser-mode';
import { launchChromium } from './chromium';

export interface CompanyUi {
  app: BrowserModeApp;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * A profile that already holds a sandbox test certificate for `nip` (made with the CLI, as a user could),
 * opened in browser mode in Chromium. The certificate wizard has its own test; these start after it.
 */
export async function openAppWithTestCertificate(sandbox: RunningSandbox, options: { nip: string; passphrase: string; profilePrefix: string }): Promise<CompanyUi> {
  const profile = tempProfile(options.profilePrefix);
  const passphraseFile = path.join(profile, '..', `${path.basename(profile)}-passphrase`);
  writeFileSync(passphraseFile, options.passphrase);
  const created = await runCli(['--profile', profile, '--base-url', sandbox.baseUrl, '--passphrase-file', passphraseFile, 'cert', 'test-create', '--nip', options.nip]);
  expect(created.code, created.stderr).toBe(0);
  const app = await startBrowserMode(profile, ['--base-url', sandbox.baseUrl]);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  await page.goto(app.url);
  return {
    app,
    browser,
    page,
    close: async () => {
      await browser.close();
      await app.stop();
    },
  };
}

/** Adds the company on the Companies page and signs in with the certificate (unlocking the key store first). */
export async function addCompanyAndSignIn(page: Page, company: { nip: string; name: string; passphrase: string }): Promise<void> {
  await page.getByTestId('nav-companies').click();
  await page.getByTestId('company-nip').fill(company.nip);
  await page.getByTestId('company-name').fill(company.name);
  await page.getByRole('button', { name: 'Dodaj firmę' }).click();
  await expect.poll(() => page.getByTestId('company-entry').count()).toBe(1);
  await page.getByTestId('sign-in-control').getByRole('button', { name: 'Zaloguj' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('vault-passphrase').fill(company.passphrase);
  await dialog.getByTestId('vault-passphrase').press('Enter');
  // Unlocking derives the key (scrypt): wait for the gate to open before signing in.
  await expect.poll(() => dialog.getByTestId('vault-passphrase').count(), { timeout: 30_000 }).toBe(0);
  await dialog.getByTestId('sign-in-submit').click();
  await expect.poll(() => page.getByTestId('sign-in-control').getAttribute('data-signed-in'), { timeout: 30_000 }).toBe('true');
}
