import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpensslFixtures, SUBJECT_WITH_NIP } from '../../electron/services/certificates/testing/openssl-fixtures';
import { startBrowserMode, tempProfile, type BrowserModeApp } from '../helpers/browser-mode';
import { launchChromium, screenshot } from '../helpers/chromium';

const NIP = '5265877635';
const SHOTS_DIR = '/tmp/shots';
/** The machine is shared: allow slow renders (these are waits, not timing assertions). */
const WAIT = { timeout: 20_000 };

async function shot(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, `first-run-${name}`);
  mkdirSync(SHOTS_DIR, { recursive: true });
  copyFileSync(file, path.join(SHOTS_DIR, `first-run-${name}.png`));
}

/**
 * A new user on an empty profile: the guide instead of empty pages — company, then a test certificate
 * (with the key-store passphrase and its strength meter), then the first invoice; it comes back from Settings.
 */
describe('first-run guide (browser mode, empty profile)', () => {
  let app: BrowserModeApp;
  let browser: Browser;
  let page: Page;
  let fixtures: OpensslFixtures;
  let weakP12: string;
  const guide = () => page.getByTestId('first-run-guide');
  const stepState = (step: string) => page.getByTestId(`first-run-step-${step}`).getAttribute('data-state');

  beforeAll(async () => {
    fixtures = new OpensslFixtures();
    const weakKey = fixtures.generateKey('rsa-1024');
    weakP12 = fixtures.path(fixtures.pkcs12(fixtures.selfSigned(weakKey, SUBJECT_WITH_NIP), weakKey, 'haslo-pliku', 'aes'));
    app = await startBrowserMode(tempProfile('ksef-desk-first-run-e2e-'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'pl-PL' });
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fixtures?.cleanup();
  });

  it('greets a new user with the guide, at the company step', async () => {
    await expect.poll(() => guide().count(), WAIT).toBe(1);
    await expect.poll(() => guide().getByText('Witaj w KSeF Desk').count()).toBe(1);
    expect(await stepState('company')).toBe('pending');
    await shot(page, '1-welcome');
  });

  it('step 1: adding the company completes the step', async () => {
    await guide().getByTestId('company-nip').fill(NIP);
    await guide().getByTestId('company-name').fill('Kowalski Usługi');
    await guide().getByRole('button', { name: 'Dodaj firmę' }).click();
    await expect.poll(() => stepState('company'), WAIT).toBe('done');
    await expect.poll(() => page.getByTestId('first-run-test-certificate').count()).toBe(1);
    await shot(page, '2-sign-in-choices');
  });

  it('step 2: a certificate KSeF would refuse (RSA-1024) is refused in the wizard, with the reason', async () => {
    await page.getByTestId('first-run-certificate').click();
    await expect.poll(() => page.getByTestId('import-wizard').count(), WAIT).toBe(1);
    await page.getByTestId('certificate-file-input').setInputFiles(weakP12);
    await expect.poll(() => page.getByTestId('import-wizard').getAttribute('data-step'), WAIT).toBe('password');
    await page.getByTestId('certificate-password').fill('haslo-pliku');
    await page.getByRole('button', { name: 'Dalej' }).click();
    await expect.poll(() => page.getByText('KSeF nie przyjmie tego certyfikatu', { exact: false }).count(), WAIT).toBe(1);
    expect(await page.getByTestId('import-wizard').getAttribute('data-step')).toBe('password');
    expect(await page.getByTestId('certificate-key-problem').textContent()).toContain('klucz RSA krótszy niż 2048 bitów');
    await shot(page, '3a-weak-certificate');
    await page.getByRole('button', { name: 'Anuluj' }).click();
    await expect.poll(() => page.getByTestId('first-run-test-certificate').count(), WAIT).toBe(1);
  });

  it('step 2: a weak key-store passphrase is refused by the meter, a strong one creates a test certificate', async () => {
    await page.getByTestId('first-run-test-certificate').click();
    await guide().getByTestId('vault-passphrase').fill('qwerty123');
    await expect.poll(() => page.getByTestId('passphrase-strength').getAttribute('data-acceptable')).toBe('false');
    await guide().getByTestId('vault-passphrase-confirm').fill('qwerty123');
    await guide().getByRole('button', { name: 'Ustaw hasło' }).click();
    await shot(page, '3-weak-passphrase');
    expect(await guide().getByTestId('vault-gate').count()).toBe(1); // still asking: nothing was set

    const strong = 'zielony rower pod starym mostem';
    await guide().getByTestId('vault-passphrase').fill(strong);
    await expect.poll(() => page.getByTestId('passphrase-strength').getAttribute('data-acceptable')).toBe('true');
    await guide().getByTestId('vault-passphrase-confirm').fill(strong);
    await guide().getByRole('button', { name: 'Ustaw hasło' }).click();
    await expect.poll(() => guide().getByTestId('test-certificate-form').count(), { timeout: 30_000 }).toBe(1);

    await guide().getByTestId('test-certificate-identifier').fill(NIP);
    await guide().getByLabel('Imię').fill('Jan');
    await guide().getByLabel('Nazwisko').fill('Kowalski');
    await guide().getByRole('button', { name: 'Utwórz certyfikat testowy' }).click();
    await expect.poll(() => stepState('signIn'), { timeout: 30_000 }).toBe('done');
    await expect.poll(() => page.getByTestId('first-run-open-issue').count()).toBe(1);
    await shot(page, '4-first-invoice');
  });

  it('step 3: goes to the Issue page and the guide stays closed', async () => {
    await page.getByTestId('first-run-open-issue').click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#/issue');
    await expect.poll(() => guide().count(), WAIT).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-issue').count()).toBe(1);
    expect(await guide().count()).toBe(0);
    await shot(page, '5-issue-page');
  });

  it('comes back from Settings; steps can be skipped and the whole guide closed', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('first-run-reopen').click();
    await expect.poll(() => guide().count(), WAIT).toBe(1);
    // What already exists completes its step again at once; the first invoice is what is left.
    await expect.poll(() => stepState('company'), WAIT).toBe('done');
    await expect.poll(() => stepState('signIn'), WAIT).toBe('done');
    await shot(page, '6-reopened');
    await page.getByTestId('first-run-skip-firstInvoice').click();
    await expect.poll(() => guide().count(), WAIT).toBe(0);

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('first-run-reopen').click();
    await expect.poll(() => guide().count(), WAIT).toBe(1);
    await page.getByTestId('first-run-dismiss').click();
    await expect.poll(() => guide().count(), WAIT).toBe(0);
  });
});
