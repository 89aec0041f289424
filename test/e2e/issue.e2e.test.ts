import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, tempProfile, type BrowserModeApp } from '../helpers/browser-mode';
import { launchChromium, screenshot } from '../helpers/chromium';
import { addCompany, keepShot, typeAndPick, WAIT } from '../helpers/issue-ui';

const SELLER_NIP = '5265877635';
const BUYER_NIP = '7171642051';
const NBSP = '\u00a0';

/** The whole page at once: the viewport grows to the page, so the sticky action bar sits where it belongs. */
async function shot(page: Page, name: string, prefix = 'issue'): Promise<void> {
  const size = page.viewportSize() ?? { width: 1360, height: 1000 };
  const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  const file = await screenshot(page, `${prefix}-${name}`);
  await page.setViewportSize(size);
  keepShot(file);
}

/** Picks the buyer saved in the book by typing the start of the name, and waits for the form to fill. */
async function pickBookBuyer(page: Page): Promise<void> {
  // A click waits for the suggestion to be stable (the list refreshes as main answers); the keyboard path has its own step.
  await page.getByTestId('buyer-name').first().fill('Nowak');
  await page.getByRole('option', { name: /Nowak Handel/ }).click();
  await expect.poll(() => page.getByTestId('buyer-identifier').inputValue(), WAIT).toBe(BUYER_NIP);
}

/** Switches the form to an advance (ZAL) or settlement (ROZ) invoice for the book buyer, with one machine line. */
async function startAdvanceKind(page: Page, kind: 'ZAL' | 'ROZ', section: 'advance-received' | 'settled-add', price: string): Promise<void> {
  await page.getByTestId('issue-kind').selectOption(kind);
  await expect.poll(() => page.getByTestId(section).count(), WAIT).toBe(1);
  await pickBookBuyer(page);
  await page.getByTestId('line-name').first().fill('Koparka gąsienicowa');
  await page.getByTestId('line-price').first().fill(price);
}

async function openApp(browser: Browser, app: BrowserModeApp): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'pl-PL', acceptDownloads: true });
  await page.goto(app.url);
  return page;
}

/**
 * A sole trader's first invoice, typed with the keyboard: seller data, buyer, two lines with live totals,
 * Ctrl+S; the app restarts on the same profile and the draft comes back; preview; the PDF downloads.
 */
describe('issuing form (browser mode)', () => {
  const profileDir = tempProfile('ksef-desk-issue-e2e-');
  let app: BrowserModeApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserMode(profileDir);
    browser = await launchChromium();
    page = await openApp(browser, app);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('asks for a company first, then for the seller data, which it keeps', async () => {
    await expect.poll(() => page.getByText('dodaj najpierw swoją firmę').count(), WAIT).toBe(1);
    await addCompany(page, { nip: SELLER_NIP, name: 'Kowalski Usługi' });

    await page.getByTestId('nav-issue').click();
    await expect.poll(() => page.getByText('Uzupełnij dane sprzedawcy').count(), WAIT).toBe(1);
    await page.getByTestId('seller-profile-button').click();
    const dialog = page.getByTestId('seller-profile-dialog');
    await dialog.getByTestId('seller-line1').fill('ul. Prosta 1');
    await dialog.getByTestId('seller-line2').fill('00-001 Warszawa');
    await dialog.getByTestId('seller-place').fill('Warszawa');
    await dialog.getByTestId('seller-add-account').click();
    await dialog.getByTestId('seller-iban').fill('61 1090 1014 0000 0712 1981 2875');
    await dialog.getByTestId('seller-save').click();
    await expect.poll(() => dialog.getByText('suma kontrolna IBAN się nie zgadza').count(), WAIT).toBe(1);
    await shot(page, '1-seller-profile');
    await dialog.getByTestId('seller-iban').fill('61 1090 1014 0000 0712 1981 2874');
    await dialog.getByTestId('seller-save').click();
    await expect.poll(() => page.getByTestId('seller-profile-dialog').count(), WAIT).toBe(0);
    await expect.poll(() => page.getByText('Uzupełnij dane sprzedawcy').count(), WAIT).toBe(0);
  });

  it('fills a two-line invoice with the keyboard and shows the totals per rate as it goes', async () => {
    // The untouched new invoice picks up the seller data just saved.
    await expect.poll(() => page.getByTestId('issue-place').inputValue(), WAIT).toBe('Warszawa');
    expect(await page.getByTestId('payment-bank-account').inputValue()).toBe('61109010140000071219812874');

    // One click into the buyer's NIP (as a user would), then only the keyboard.
    await page.getByTestId('buyer-identifier').focus();
    await page.keyboard.type('717-164-20-52'); // one digit wrong
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nowak Handel Sp. z o.o.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ul. Długa 5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('30-001 Kraków');

    await page.getByTestId('line-name').first().focus();
    await page.keyboard.type('Projekt strony internetowej');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('usł.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2 500,00');
    await page.keyboard.press('Tab'); // VAT 23% stays
    await page.keyboard.press('Tab'); // no discount
    await page.keyboard.press('Enter'); // Enter in the last line adds one and puts the cursor in its name
    await expect.poll(() => page.getByTestId('line-row').count(), WAIT).toBe(2);
    await page.keyboard.type('Hosting');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mies.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('49,90');
    await page.keyboard.press('Tab');
    await page.keyboard.type('8'); // the native select jumps to 8%
    await page.keyboard.press('Tab');
    await page.keyboard.type('10');

    // 2500.00 at 23 %; 12 × (49.90 − 4.99) = 538.92 at 8 % → VAT 43.11
    const totals = page.getByTestId('totals');
    await expect.poll(() => totals.locator('[data-rate="23"]').textContent(), WAIT).toBe(`23%2${NBSP}500,00575,003${NBSP}075,00`);
    expect(await totals.locator('[data-rate="8"]').textContent()).toBe('8%538,9243,11582,03');
    expect(await page.getByTestId('totals-to-pay').textContent()).toBe(`3${NBSP}657,03 PLN`);
    expect(await page.getByTestId('line-value').allTextContents()).toEqual([`2${NBSP}500,00`, '538,92']);
    await shot(page, '2-typed');

    // "Wystaw" checks the form first: the wrong NIP digit is named at the field.
    await page.getByTestId('issue').click();
    await expect.poll(() => page.getByText('Nieprawidłowy NIP: cyfra kontrolna się nie zgadza.').count(), WAIT).toBe(1);
    await shot(page, '3-nip-error');
    await page.getByTestId('buyer-identifier').fill('');
    await page.getByTestId('buyer-identifier').focus();
    await page.keyboard.type(BUYER_NIP);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByText('Nieprawidłowy NIP: cyfra kontrolna się nie zgadza.').count(), WAIT).toBe(0);
  });

  it('saves the draft with Ctrl+S', async () => {
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('autosave-status').getAttribute('data-status'), WAIT).toBe('saved');
    expect(await page.getByTestId('autosave-status').textContent()).toContain('Szkic zapisany o');
    await shot(page, '4-saved');
  });

  it('reopens the draft after the app restarts on the same profile', async () => {
    await page.close();
    await app.stop();
    app = await startBrowserMode(profileDir);
    page = await openApp(browser, app);
    await page.getByTestId('nav-issue').click();
    await page.getByTestId('drafts-button').click();
    const entry = page.getByTestId('draft-entry');
    await expect.poll(() => entry.count(), WAIT).toBe(1);
    expect(await entry.textContent()).toContain('Nowak Handel Sp. z o.o.');
    await shot(page, '5-drafts-after-restart');
    await entry.getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('buyer-name').inputValue(), WAIT).toBe('Nowak Handel Sp. z o.o.');
    expect(await page.getByTestId('buyer-identifier').inputValue()).toBe(BUYER_NIP);
    expect(await page.getByTestId('line-name').nth(1).inputValue()).toBe('Hosting');
    expect(await page.getByTestId('line-discount').nth(1).inputValue()).toBe('10');
    expect(await page.getByTestId('totals-to-pay').textContent()).toBe(`3${NBSP}657,03 PLN`);
    await shot(page, '6-draft-reopened');
  });

  it('previews the invoice and downloads its PDF', async () => {
    await page.getByTestId('preview').click();
    const dialog = page.getByTestId('preview-dialog');
    await expect.poll(() => dialog.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toContain('Nowak Handel Sp. z o.o.');
    expect(await dialog.textContent()).toContain('FV/1/');
    expect(await dialog.getByTestId('preview-schema-ok').textContent()).toBe('Faktura jest zgodna ze schematem FA(3).');
    await shot(page, '7-preview');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByTestId('download-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^FV_1_\d{2}_\d{4}\.pdf$/);
    const file = path.join(profileDir, 'download.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Nowak Handel Sp. z o.o.');
    expect(text).toContain('Projekt strony internetowej');
    expect(text).toMatch(/3\s?657,03/);
  });

  it('issues it: the series gives the number, the draft is gone, the buyer and the lines are remembered', async () => {
    await page.getByTestId('preview-dialog').getByRole('button', { name: 'Zamknij' }).click();
    await page.getByTestId('issue').click();
    const issued = page.getByTestId('issued-dialog');
    await expect.poll(() => issued.count(), { timeout: 30_000 }).toBe(1);
    expect(await issued.textContent()).toMatch(/Wystawiono fakturę FV\/1\/\d{2}\/\d{4}/);
    await shot(page, '8-issued');
    await issued.getByRole('button', { name: 'Wystaw kolejną' }).click();

    await page.getByTestId('drafts-button').click();
    const menu = page.getByTestId('drafts-menu');
    await expect.poll(() => menu.getByTestId('issued-entry').count(), WAIT).toBe(1);
    expect(await menu.getByTestId('draft-entry').count()).toBe(0);
    await page.keyboard.press('Escape');

    // The next invoice, by keyboard: the buyer and a line come from the books.
    await pickBookBuyer(page);
    expect(await page.getByTestId('buyer-line2').inputValue()).toBe('30-001 Kraków');
    await typeAndPick(page, 'line-name', 'Host', /Hosting/);
    await expect.poll(() => page.getByTestId('line-price').first().inputValue(), WAIT).toBe('49,90');
    expect(await page.getByTestId('line-rate').first().inputValue()).toBe('8');
    expect(await page.getByTestId('issue-number').getAttribute('placeholder')).toMatch(/^FV\/2\//);
    await shot(page, '9-next-from-books');

    await page.getByTestId('books-button').click();
    const books = page.getByTestId('books-dialog');
    await expect.poll(() => books.textContent(), WAIT).toContain('Nowak Handel Sp. z o.o.');
    await books.getByRole('tab', { name: 'Towary i usługi' }).click();
    await expect.poll(() => books.textContent(), WAIT).toContain('Projekt strony internetowej');
    await shot(page, '9b-books');
    await books.getByRole('button', { name: 'Zamknij' }).click();
  });

  it('corrects the sent invoice: picked from the sent ones, its lines become the "before" rows, numbered in KOR', async () => {
    await page.getByTestId('new-invoice').click();
    await page.getByTestId('issue-kind').selectOption('KOR');
    await expect.poll(() => page.getByTestId('issue-number').getAttribute('placeholder'), WAIT).toMatch(/^KOR\/1\//);
    await page.getByTestId('issue-correction').getByLabel('Wybierz z wysłanych faktur').click();
    await page.getByRole('option', { name: /FV\/1\/.*Nowak Handel/ }).click();
    await expect.poll(() => page.getByTestId('correction-number').inputValue(), WAIT).toMatch(/^FV\/1\//);
    const before = page.getByTestId('lines-before-table');
    expect(await before.getByTestId('line-name').nth(1).inputValue()).toBe('Hosting');
    expect(await page.getByTestId('buyer-identifier').inputValue()).toBe(BUYER_NIP);

    // The hosting was billed twice as long as it ran: 6 months instead of 12.
    await page.getByTestId('lines-table').getByTestId('line-quantity').nth(1).fill('6');
    await page.getByTestId('correction-reason').fill('Błędna liczba miesięcy hostingu');
    // 6 × (49.90 − 4.99) = 269.46, i.e. −269.46 net and −21.56 VAT at 8 %
    await expect.poll(() => page.getByTestId('totals').locator('[data-rate="8"]').textContent(), WAIT).toBe('8%-269,46-21,56-291,02');
    expect(await page.getByTestId('totals').textContent()).toContain('Do zwrotu');
    await shot(page, '10-correction');

    await page.getByTestId('issue').click();
    const issued = page.getByTestId('issued-dialog');
    await expect.poll(() => issued.count(), { timeout: 30_000 }).toBe(1);
    expect(await issued.textContent()).toMatch(/Wystawiono fakturę KOR\/1\/\d{2}\/\d{4}/);
    await issued.getByRole('button', { name: 'Wystaw kolejną' }).click();
  });

  it('issues an advance invoice: the order lines, an Annex 15 line that ticks the split payment, the advance and its VAT', async () => {
    await startAdvanceKind(page, 'ZAL', 'advance-received', '20 000,00');
    await page.getByTestId('line-details').first().click();
    await page.getByTestId('line-pkwiu').fill('28.92.25.0');
    await page.getByTestId('line-gtu').selectOption('GTU_06');
    await page.getByTestId('line-annex15').check();
    await shot(page, 'line-details', 'zal');
    await page.getByTestId('line-details-close').click();
    await page.getByTestId('advance-received').fill('5 000,00');
    await page.getByTestId('advance-received-date').fill('2026-12-01');

    // Order 20 000 net + 4 600 VAT; advance 5 000: VAT 5000 × 23/123 = 934.96, net 4 065.04.
    await expect.poll(() => page.getByTestId('order-value').textContent(), WAIT).toBe(`24${NBSP}600,00 PLN`);
    expect(await page.getByTestId('advance-bucket').textContent()).toBe(`23%4${NBSP}065,04934,965${NBSP}000,00`);
    expect(await page.getByTestId('totals-to-pay').textContent()).toBe(`5${NBSP}000,00 PLN`);
    // Annex 15, a buyer with NIP and 24 600 PLN gross: the split payment is ticked, and the form says why.
    await expect.poll(() => page.getByTestId('split-required').count(), WAIT).toBe(1);
    expect(await page.getByTestId('payment-split').isChecked()).toBe(true);
    await shot(page, 'form', 'zal');

    await page.getByTestId('issue').click();
    const issued = page.getByTestId('issued-dialog');
    await expect.poll(() => issued.count(), { timeout: 30_000 }).toBe(1);
    expect(await issued.textContent()).toMatch(/Wystawiono fakturę/);
    await issued.getByRole('button', { name: 'Wystaw kolejną' }).click();
  });

  it('settles it: the advance invoice typed by its number, the whole sale, P_15 left to pay', async () => {
    await startAdvanceKind(page, 'ROZ', 'settled-add', '20000');
    await page.getByTestId('issue').click();
    await expect.poll(() => page.getByText('Dodaj co najmniej jedną rozliczaną fakturę zaliczkową.').count(), WAIT).toBe(1);

    await page.getByTestId('settled-add').click();
    await page.getByTestId('settled-outside').check();
    await page.getByTestId('settled-reference').fill('FZ/1/2026');
    await page.getByTestId('settled-gross').fill('5000');
    // 24 600 − 5 000 = 19 600; 23 %: net 20 000 − 4 065.04 = 15 934.96, VAT 4 600 − 934.96 = 3 665.04.
    await expect.poll(() => page.getByTestId('totals-to-pay').textContent(), WAIT).toBe(`19${NBSP}600,00 PLN`);
    expect(await page.getByTestId('settlement-bucket').textContent()).toBe(`23%20${NBSP}000,004${NBSP}600,004${NBSP}065,04934,9615${NBSP}934,963${NBSP}665,04`);
    await expect.poll(() => page.getByText('Dodaj co najmniej jedną rozliczaną fakturę zaliczkową.').count(), WAIT).toBe(0);
    await shot(page, 'roz-form', 'zal');

    await page.getByTestId('issue').click();
    const issued = page.getByTestId('issued-dialog');
    await expect.poll(() => issued.count(), { timeout: 30_000 }).toBe(1);
    expect(await issued.textContent()).toMatch(/Wystawiono fakturę/);
  });
});
