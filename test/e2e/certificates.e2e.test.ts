import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpensslFixtures } from '../../electron/services/certificates/testing/openssl-fixtures';
import { startBrowserMode, type BrowserModeApp } from '../helpers/browser-mode';
import { launchChromium, screenshot } from '../helpers/chromium';

const NIP = '5265877635';
const P12_PASSWORD = 'tajne-haslo-123';
const VAULT_PASSPHRASE = 'moje bezpieczne hasło';

/**
 * The whole "sign in to KSeF" path a non-technical user walks: key-store passphrase, the import wizard
 * with a .p12 made by openssl (wrong password first), a company, sign-in, then a token and a permission.
 */
describe('certificate import wizard and sign-in (browser mode, sandbox)', () => {
  let app: BrowserModeApp;
  let browser: Browser;
  let page: Page;
  let p12Path: string;
  let fixtures: OpensslFixtures;

  beforeAll(async () => {
    fixtures = new OpensslFixtures();
    const key = fixtures.generateKey('ec-p256');
    const cert = fixtures.selfSigned(key, `/CN=Jan Kowalski/serialNumber=TINPL-${NIP}/GN=Jan/SN=Kowalski/C=PL`, { keyUsage: 'digitalSignature,nonRepudiation' });
    p12Path = fixtures.path(fixtures.pkcs12(cert, key, P12_PASSWORD, 'aes'));
    app = await startBrowserMode();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fixtures?.cleanup();
  });

  it('refuses a file over 1 MB in place, before reading it', async () => {
    await page.getByTestId('nav-certificates').click();
    await page.getByRole('button', { name: 'Importuj certyfikat z pliku' }).click();
    await expect.poll(() => page.getByTestId('import-wizard').getAttribute('data-step')).toBe('file');
    await screenshot(page, 'wizard-1-file');
    await page.getByTestId('certificate-file-input').setInputFiles({ name: 'big.p12', mimeType: 'application/x-pkcs12', buffer: Buffer.alloc(1024 * 1024 + 1) });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('jest za duży');
    await screenshot(page, 'wizard-1-file-too-large');
  });

  it('shows a wrong password under the field, then reads the certificate with the right one', async () => {
    await page.getByTestId('certificate-file-input').setInputFiles(p12Path);
    await expect.poll(() => page.getByTestId('import-wizard').getAttribute('data-step')).toBe('password');
    await screenshot(page, 'wizard-2-password');

    await page.getByTestId('certificate-password').fill('zle-haslo');
    await page.getByRole('button', { name: 'Dalej' }).click();
    await expect.poll(() => page.getByText('Nieprawidłowe hasło do pliku certyfikatu.').count()).toBe(1);
    expect(await page.getByTestId('import-wizard').getAttribute('data-step')).toBe('password');
    await screenshot(page, 'wizard-2-wrong-password');

    await page.getByTestId('certificate-password').fill(P12_PASSWORD);
    await page.getByRole('button', { name: 'Dalej' }).click();
    await expect.poll(() => page.getByTestId('import-wizard').getAttribute('data-step')).toBe('summary');
    const summary = page.getByTestId('certificate-summary');
    await expect.poll(() => summary.textContent()).toContain('Jan Kowalski');
    expect(await summary.textContent()).toContain(NIP);
    expect(await page.getByTestId('certificate-can-sign-in').textContent()).toContain('Tak');
    await screenshot(page, 'wizard-3-summary');
  });

  it('asks for a new key-store passphrase (twice) and saves the certificate', async () => {
    await page.getByRole('button', { name: 'Dalej' }).click();
    await expect.poll(() => page.getByTestId('vault-gate').count()).toBe(1);
    await page.getByTestId('vault-passphrase').fill(VAULT_PASSPHRASE);
    await page.getByTestId('vault-passphrase-confirm').fill('inne hasło 123');
    await page.getByRole('button', { name: 'Ustaw hasło' }).click();
    await expect.poll(() => page.getByText('Hasła nie są takie same.').count()).toBe(1);
    await screenshot(page, 'wizard-4-passphrase');
    await page.getByTestId('vault-passphrase-confirm').fill(VAULT_PASSPHRASE);
    await page.getByRole('button', { name: 'Ustaw hasło' }).click();

    await expect.poll(() => page.getByTestId('certificate-label').inputValue()).toBe('Jan Kowalski');
    await screenshot(page, 'wizard-4-save');
    await page.getByRole('button', { name: 'Zapisz certyfikat' }).click();
    await expect.poll(() => page.getByTestId('import-wizard').getAttribute('data-step')).toBe('saved');
    await screenshot(page, 'wizard-5-saved');
  });

  it('lists the certificate with its status', async () => {
    await page.getByRole('button', { name: 'Zamknij' }).click();
    const entry = page.getByTestId('certificate-entry');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.getByTestId('certificate-status').textContent()).toBe('ważny');
    expect(await entry.textContent()).toContain(`domyślny dla: ${NIP}`);
    await screenshot(page, 'certificates-list');
  });

  it('adds the company and signs in; the top bar says who, where and in which environment', async () => {
    await page.getByTestId('nav-companies').click();
    await page.getByTestId('company-nip').fill(NIP);
    await page.getByTestId('company-name').fill('Kowalski Usługi');
    await page.getByRole('button', { name: 'Dodaj firmę' }).click();
    await expect.poll(() => page.getByTestId('company-entry').count()).toBe(1);
    await screenshot(page, 'companies-added');

    await page.getByTestId('sign-in-control').getByRole('button', { name: 'Zaloguj' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('Środowisko: Sandbox').count()).toBe(1);
    await screenshot(page, 'sign-in-dialog');
    await dialog.getByTestId('sign-in-submit').click();
    const control = page.getByTestId('sign-in-control');
    await expect.poll(() => control.getAttribute('data-signed-in'), { timeout: 30_000 }).toBe('true');
    expect(await page.getByTestId('signed-in-who').textContent()).toBe('Jan Kowalski');
    expect(await control.textContent()).toContain(`NIP ${NIP}`);
    expect(await page.getByTestId('environment-badge').textContent()).toBe('Środowisko: Sandbox');
    await screenshot(page, 'signed-in');
  });

  it('generates a KSeF token and shows its secret once', async () => {
    await page.getByTestId('token-description').fill('Program księgowy');
    await page.getByRole('button', { name: 'Wygeneruj token' }).click();
    const secret = page.getByTestId('token-secret');
    await expect.poll(() => secret.textContent(), { timeout: 30_000 }).toContain(`nip-${NIP}`);
    await expect.poll(() => page.getByTestId('tokens-panel').getByText('Program księgowy').count()).toBeGreaterThan(0);
    await screenshot(page, 'token-created');
    await page.getByRole('button', { name: 'Zapisałem token, ukryj go' }).click();
    expect(await secret.count()).toBe(0);
  });

  it('grants a bookkeeper permission to read invoices', async () => {
    const panel = page.getByTestId('permissions-panel');
    await panel.getByLabel('Wartość identyfikatora').fill('44051401359');
    await panel.getByLabel('Imię').fill('Anna');
    await panel.getByLabel('Nazwisko').fill('Nowak');
    await panel.getByRole('button', { name: 'Nadaj uprawnienia' }).click();
    await expect.poll(() => panel.getByText('44051401359').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(page, 'permission-granted');
  });

  it('"I have no certificate": enrolls a KSeF certificate (progress shown) and creates a test certificate', async () => {
    await page.getByTestId('nav-certificates').click();
    await page.getByRole('button', { name: 'Nie mam certyfikatu' }).click();
    const enrollment = page.getByTestId('enrollment-form');
    await expect.poll(() => enrollment.count()).toBe(1);
    await screenshot(page, 'no-certificate-panel');
    await enrollment.getByRole('button', { name: 'Uzyskaj certyfikat KSeF' }).click();
    await expect.poll(() => enrollment.getByText('KSeF wydał certyfikat').count(), { timeout: 60_000 }).toBe(1);
    await screenshot(page, 'ksef-certificate-enrolled');

    const form = page.getByTestId('test-certificate-form');
    await form.getByRole('radio', { name: 'PESEL' }).check();
    await page.getByTestId('test-certificate-identifier').fill('44051401359');
    await form.getByLabel('Imię').fill('Anna');
    await form.getByLabel('Nazwisko').fill('Nowak');
    await form.getByRole('button', { name: 'Utwórz certyfikat testowy' }).click();
    await expect.poll(() => form.getByText('Utworzono certyfikat').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('certificate-entry').count()).toBe(3);
    expect(await page.getByTestId('certificate-list').textContent()).toContain('certyfikat KSeF');
    await screenshot(page, 'certificates-three');
  });

  it('shows the certificate in KSeF with the limits, and revokes it after a dialog that says what that means', async () => {
    const panel = page.getByTestId('ksef-certificates-panel');
    const limits = panel.getByTestId('ksef-certificate-limits');
    await expect.poll(() => limits.textContent(), { timeout: 30_000 }).toBe(
      'Wnioski o certyfikat: możesz złożyć jeszcze 299 z 300. Aktywne certyfikaty: 1 z 100.',
    );
    const row = panel.getByTestId('ksef-certificate');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('ksef-certificate-status').textContent()).toBe('aktywny');
    expect(await row.textContent()).toContain('zapisany na tym komputerze');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'ksef-certificates-panel');

    await row.getByRole('button', { name: 'Unieważnij' }).click();
    const dialog = page.getByTestId('revoke-ksef-certificate-dialog');
    await expect.poll(() => dialog.textContent()).toContain('nie zalogujesz się nim do KSeF');
    expect(await dialog.textContent()).toContain('Unieważnienia nie można cofnąć');
    expect(await dialog.textContent()).toContain('zapisany jako „KSeF uwierzytelnianie: Jan Kowalski”');
    await dialog.getByRole('radio', { name: 'Zastąpiłem go nowym certyfikatem' }).check();
    await screenshot(page, 'ksef-certificate-revoke-dialog');
    await dialog.getByRole('button', { name: 'Tak, unieważnij' }).click();

    await expect.poll(() => row.getByTestId('ksef-certificate-status').textContent(), { timeout: 30_000 }).toBe('unieważniony');
    expect(await row.getByRole('button', { name: 'Unieważnij' }).count()).toBe(0);
    expect(await panel.textContent()).toContain('został unieważniony');
    expect(await panel.getByText('Wystąpił błąd').count()).toBe(0);
    await expect.poll(() => limits.textContent()).toContain('Aktywne certyfikaty: 0 z 100.');
    // The stored copy follows KSeF: revoked chip, and it is no longer offered for signing in.
    const stored = page.getByTestId('certificate-entry').filter({ hasText: 'certyfikat KSeF' });
    await expect.poll(() => stored.getByTestId('certificate-status').textContent()).toBe('unieważniony');
    expect(await stored.textContent()).toContain('Unieważniony w KSeF');
    expect(await stored.getByRole('button', { name: 'Ustaw jako domyślny' }).count()).toBe(0);
    await screenshot(page, 'ksef-certificate-revoked');
  });

  it('signs out; the KSeF panel then says to sign in', async () => {
    await page.getByTestId('sign-in-control').getByRole('button', { name: 'Wyloguj' }).click();
    await expect.poll(() => page.getByTestId('sign-in-control').getAttribute('data-signed-in')).toBe('false');
    await expect.poll(() => page.getByTestId('ksef-certificates-panel').textContent()).toContain('Zaloguj się do KSeF');
    await screenshot(page, 'ksef-certificates-signed-out');
  });
});
