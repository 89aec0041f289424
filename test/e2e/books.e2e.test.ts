import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, tempProfile, type BrowserModeApp } from '../helpers/browser-mode';
import { launchChromium, screenshot } from '../helpers/chromium';
import { addCompany, keepShot, typeAndPick, WAIT } from '../helpers/issue-ui';

const SELLER_NIP = '5265877635';
const BUYER_NIP = '7171642051';
const NIP_CHECKSUM_ERROR = 'Nieprawidłowy NIP: cyfra kontrolna się nie zgadza.';
const NBSP = '\u00a0';

/** The window as it is (1280×800, the dialog over the page), kept in test-results and where the brief looks. */
async function shot(page: Page, name: string): Promise<void> {
  keepShot(await screenshot(page, `books-${name}`, { fullPage: false }));
}

/**
 * The contractors book and the products list edited by hand: a contractor added with a wrong NIP (named at the
 * field), fixed, saved and renamed; a duplicate NIP refused; a product with a price typed the Polish way; both
 * then picked in the issuing form by typing.
 */
describe('contractors and products by hand (browser mode)', () => {
  let app: BrowserModeApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserMode(tempProfile('ksef-desk-books-e2e-'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'pl-PL' });
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens the issuing page of a new company', async () => {
    await addCompany(page, { nip: SELLER_NIP, name: 'Kowalski Usługi' });
    await page.getByTestId('nav-issue').click();
    await expect.poll(() => page.getByTestId('books-button').count(), WAIT).toBe(1);
  });

  it('adds a contractor: a wrong NIP is named at the field before saving, the fixed one is saved', async () => {
    await page.getByTestId('books-button').click();
    const dialog = page.getByTestId('books-dialog');
    await dialog.getByTestId('book-add').click();
    const editor = dialog.getByTestId('contractor-editor');
    await editor.getByTestId('contractor-identifier').fill('717-164-20-52');
    await editor.getByTestId('contractor-name').focus(); // leaving the NIP checks it
    await expect.poll(() => editor.getByText(NIP_CHECKSUM_ERROR).count(), WAIT).toBe(1);
    await editor.getByTestId('contractor-name').fill('Nowak Handel');
    await editor.getByTestId('contractor-line1').fill('ul. Długa 5');
    await editor.getByTestId('contractor-line2').fill('30-001 Kraków');
    await editor.getByTestId('contractor-email').fill('biuro@nowak');
    await editor.getByTestId('contractor-save').click();
    await expect.poll(() => editor.getByText('Nieprawidłowy adres e-mail, np. biuro@firma.pl.').count(), WAIT).toBe(1);
    await shot(page, '1-contractor-errors');

    await editor.getByTestId('contractor-identifier').fill('717-164-20-51');
    await editor.getByTestId('contractor-email').fill('biuro@nowak.pl');
    await expect.poll(() => editor.getByText(NIP_CHECKSUM_ERROR).count(), WAIT).toBe(0);
    await editor.getByTestId('contractor-save').click();
    await expect.poll(() => dialog.getByTestId('book-saved').textContent(), WAIT).toBe('Zapisano „Nowak Handel”.');
    const entry = dialog.getByTestId('book-entry');
    await expect.poll(() => entry.count(), WAIT).toBe(1);
    expect(await entry.textContent()).toBe(`Nowak HandelNIP ${BUYER_NIP} · ul. Długa 5 · 30-001 Kraków · biuro@nowak.pl`);
  });

  it('refuses the same NIP again at the field (main answers), and renames the entry', async () => {
    const dialog = page.getByTestId('books-dialog');
    await dialog.getByTestId('book-add').click();
    const editor = dialog.getByTestId('contractor-editor');
    await editor.getByTestId('contractor-identifier').fill(`PL ${BUYER_NIP}`);
    await editor.getByTestId('contractor-name').fill('Ktoś inny');
    await editor.getByTestId('contractor-save').click();
    await expect.poll(() => editor.getByText('Ten NIP jest już w książce.').count(), WAIT).toBe(1);
    await editor.getByTestId('contractor-cancel').click();

    await dialog.getByTestId('book-entry').getByTestId('book-edit').click();
    expect(await editor.getByTestId('contractor-identifier').inputValue()).toBe(BUYER_NIP);
    await editor.getByTestId('contractor-name').fill('Nowak Handel Sp. z o.o.');
    await editor.getByTestId('contractor-save').click();
    await expect.poll(() => dialog.getByTestId('book-entry').textContent(), WAIT).toContain('Nowak Handel Sp. z o.o.');
    expect(await dialog.getByTestId('book-entry').count()).toBe(1);
  });

  it('adds an EU buyer: the member state is chosen, the address follows it, the prefix typed is dropped', async () => {
    const dialog = page.getByTestId('books-dialog');
    await dialog.getByTestId('book-add').click();
    const editor = dialog.getByTestId('contractor-editor');
    await editor.getByTestId('contractor-identifier-type').selectOption('EU_VAT');
    await editor.getByTestId('contractor-identifier').fill('DE 123 456 789');
    await editor.getByTestId('contractor-name').fill('Müller GmbH');
    await editor.getByTestId('contractor-save').click();
    await expect.poll(() => editor.getByText('Wybierz kraj Unii Europejskiej').count(), WAIT).toBe(1);
    await editor.getByTestId('contractor-country').selectOption('DE');
    expect(await editor.getByTestId('contractor-address-country').inputValue()).toBe('DE');
    await editor.getByTestId('contractor-line2').fill('10115 Berlin');
    await shot(page, '1b-eu-contractor');
    await editor.getByTestId('contractor-save').click();
    await expect.poll(() => dialog.getByTestId('book-entry').count(), WAIT).toBe(2);
    expect(await dialog.getByTestId('book-entry').first().textContent()).toBe('Müller GmbHDE 123456789 · 10115 Berlin');
    await shot(page, '1c-contractors');
  });

  it('adds a product with a price typed the Polish way', async () => {
    const dialog = page.getByTestId('books-dialog');
    await dialog.getByRole('tab', { name: 'Towary i usługi' }).click();
    await dialog.getByTestId('book-add').click();
    const editor = dialog.getByTestId('product-editor');
    await editor.getByTestId('product-name').fill('Hosting WWW');
    await editor.getByTestId('product-unit').fill('mies.');
    await editor.getByTestId('product-price').fill('1 234,5,0');
    await editor.getByTestId('product-rate').selectOption('8');
    await editor.getByTestId('product-gtu').selectOption('GTU_12');
    await editor.getByTestId('product-save').click();
    await expect.poll(() => editor.getByText('Podaj cenę, np. 1 234,50').count(), WAIT).toBe(1);
    await editor.getByTestId('product-price').fill('1 234,50');
    await shot(page, '2-product-editor');
    await editor.getByTestId('product-save').click();
    const entry = dialog.getByTestId('book-entry');
    await expect.poll(() => entry.count(), WAIT).toBe(1);
    expect(await entry.textContent()).toBe(`Hosting WWW1${NBSP}234,50 netto · 8% · mies. · GTU_12`);
    await shot(page, '3-products');
    await dialog.getByRole('button', { name: 'Zamknij' }).click();
    await expect.poll(() => page.getByTestId('books-dialog').count(), WAIT).toBe(0);
  });

  it('fills the invoice from both when picked by typing', async () => {
    await typeAndPick(page, 'buyer-name', 'Nowak', /Nowak Handel Sp\. z o\.o\./);
    await expect.poll(() => page.getByTestId('buyer-identifier').inputValue(), WAIT).toBe(BUYER_NIP);
    expect(await page.getByTestId('buyer-name').inputValue()).toBe('Nowak Handel Sp. z o.o.');
    expect(await page.getByTestId('buyer-line2').inputValue()).toBe('30-001 Kraków');
    expect(await page.getByTestId('buyer-email').inputValue()).toBe('biuro@nowak.pl');

    await typeAndPick(page, 'line-name', 'Host', /Hosting WWW/);
    await expect.poll(() => page.getByTestId('line-price').first().inputValue(), WAIT).toBe('1234,50');
    expect(await page.getByTestId('line-name').first().inputValue()).toBe('Hosting WWW');
    expect(await page.getByTestId('line-unit').first().inputValue()).toBe('mies.');
    expect(await page.getByTestId('line-rate').first().inputValue()).toBe('8');
  });

  it('removes a product only after asking, and keeps it when the question is cancelled', async () => {
    await page.getByTestId('books-button').click();
    const dialog = page.getByTestId('books-dialog');
    await dialog.getByRole('tab', { name: 'Towary i usługi' }).click();
    const entry = dialog.getByTestId('book-entry');
    await expect.poll(() => entry.count(), WAIT).toBe(1);
    await entry.getByTestId('book-remove').click();
    const confirm = page.getByRole('dialog', { name: 'Usunąć z listy?' });
    expect(await confirm.textContent()).toContain('Pozycja „Hosting WWW” zniknie z listy towarów i usług.');
    await confirm.getByRole('button', { name: 'Anuluj' }).click();
    await expect.poll(() => confirm.count(), WAIT).toBe(0);
    expect(await entry.count()).toBe(1);
    await entry.getByTestId('book-remove').click();
    await page.getByRole('dialog', { name: 'Usunąć z listy?' }).getByRole('button', { name: 'Tak, usuń' }).click();
    await expect.poll(() => entry.count(), WAIT).toBe(0);
  });
});
