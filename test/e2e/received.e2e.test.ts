import 'reflect-metadata';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../electron/sandbox/index';
import { addCompanyAndSignIn, openAppWithTestCertificate, type CompanyUi } from '../helpers/e2e-company';

const NIP = '5265877635';
const SEEDED = 1200;
const PASSPHRASE = 'biuro rachunkowe 2026';
const SHOTS = '/tmp/shots';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SHOTS, `received-${name}.png`), fullPage: true, animations: 'disabled' });
}

/** A bookkeeper's morning: fetch a client's invoices from KSeF, filter, search, open one, export CSV. */
describe('received invoices (browser mode, sandbox seeded with a thousand invoices)', () => {
  let sandbox: RunningSandbox;
  let ui: CompanyUi;
  let page: Page;

  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off', seedReceived: [{ nip: NIP, count: SEEDED }] });
    ui = await openAppWithTestCertificate(sandbox, { nip: NIP, passphrase: PASSPHRASE, profilePrefix: 'ksef-desk-received-e2e-' });
    page = ui.page;
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await sandbox?.close();
  });

  it('signs in for the company and fetches its invoices from KSeF with progress', async () => {
    await addCompanyAndSignIn(page, { nip: NIP, name: 'Pszczółka Miód i Wosk', passphrase: PASSPHRASE });

    await page.getByTestId('nav-received').click();
    await expect.poll(() => page.getByText('Brak faktur w archiwum').count()).toBe(1);
    await shot(page, '1-empty');
    await page.getByTestId('received-sync-now').click();
    await expect.poll(() => page.getByTestId('received-sync-outcome').textContent(), { timeout: 60_000 }).toContain(`Pobrano nowe faktury: ${SEEDED}.`);
    await expect.poll(() => page.getByTestId('received-grid').locator('.MuiDataGrid-row').count()).toBeGreaterThan(10);
    const totalCount = async () =>
      (await page.getByTestId('received-totals').locator('[data-testid^="received-total-"]').allTextContents()).reduce((sum, text) => sum + Number(/^(\d+)/.exec(text)?.[1]), 0);
    await expect.poll(totalCount).toBe(SEEDED);
    await shot(page, '2-synced');
  }, 120_000);

  it('filters by seller and amount, searches by text; totals follow the filtered set', async () => {
    const firstRow = page.getByTestId('received-grid').locator('.MuiDataGrid-row').first();
    const sellerNip = (await firstRow.locator('[data-field="sellerNip"]').textContent())!.trim();
    await page.getByTestId('received-seller').fill(sellerNip);
    await expect.poll(async () => {
      const nips = await page.getByTestId('received-grid').locator('.MuiDataGrid-row [data-field="sellerNip"]').allTextContents();
      return nips.length > 0 && nips.every((nip) => nip.trim() === sellerNip);
    }).toBe(true);
    const sellerOnly = await page.getByTestId('received-totals').textContent();
    await page.getByTestId('received-gross-from').fill('1000');
    await expect.poll(() => page.getByTestId('received-totals').textContent()).not.toBe(sellerOnly);
    await shot(page, '3-filtered');

    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    const number = (await firstRow.locator('[data-field="invoiceNumber"]').textContent())!.trim();
    await page.getByTestId('received-search').fill(number);
    await expect.poll(() => page.getByTestId('received-grid').locator('.MuiDataGrid-row [data-field="invoiceNumber"]').allTextContents()).toContain(number);
    await expect.poll(() => page.getByTestId('received-totals').textContent()).toMatch(/^Suma wybranych1 faktura/);
    await shot(page, '4-search');
  }, 60_000);

  it('opens an invoice with its KSeF number and KOD I; marks it booked with a note', async () => {
    await page.getByTestId('received-grid').locator('.MuiDataGrid-row').first().click();
    const detail = page.getByTestId('received-detail');
    await expect.poll(() => detail.getByTestId('received-detail-ksef').textContent()).toMatch(/^\d{10}-\d{8}-[0-9A-F]{12}-[0-9A-F]{2}$/);
    expect(await detail.getByTestId('received-detail-kod1').textContent()).toContain('/invoice/');
    await detail.getByTestId('received-detail-booked').click();
    await detail.getByTestId('received-detail-note').fill('Zaksięgowano w KPiR, poz. 17');
    await detail.getByTestId('received-detail-save-note').click();
    await expect.poll(() => detail.getByTestId('received-detail-save-note').isDisabled()).toBe(true);
    await shot(page, '5-detail');
    await detail.getByTestId('received-detail-close').click();
    await expect.poll(() => page.getByTestId('received-grid').locator('.MuiDataGrid-row').first().textContent()).toContain('Zaksięgowana');
  }, 60_000);

  it('exports the filtered set as CSV for Polish Excel', async () => {
    await page.getByTestId('received-search').fill('');
    await expect.poll(() => page.getByTestId('received-totals').textContent()).not.toMatch(/^Suma wybranych1 faktura/);
    const unfiltered = await page.getByTestId('received-totals').textContent();
    await page.getByTestId('received-gross-from').fill('5000');
    await expect.poll(() => page.getByTestId('received-totals').textContent()).not.toBe(unfiltered);
    const counts = (await page.getByTestId('received-totals').locator('[data-testid^="received-total-"]').allTextContents()).map((text) => Number(/^(\d+)/.exec(text)?.[1]));
    const expectedCount = counts.reduce((sum, count) => sum + count, 0);
    await page.getByTestId('received-export').click();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('received-export-csv').click();
    const download = await downloading;
    const file = await download.path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFFNumer KSeF;Numer faktury;Data wystawienia;')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines.length - 1).toBe(expectedCount);
    expect(lines[1]).toMatch(/;\d+,\d{2};/);
    await expect.poll(() => page.getByTestId('received-export-message').textContent()).toContain('.csv');
    await shot(page, '6-exported');
  }, 60_000);

  it('a bookkeeper fetches for every company at once and sees which could not be fetched and why', async () => {
    await page.getByTestId('nav-companies').click();
    await page.getByTestId('company-nip').fill('9876543210');
    await page.getByTestId('company-name').fill('Klient Bez Certyfikatu');
    await page.getByRole('button', { name: 'Dodaj firmę' }).click();
    await expect.poll(() => page.getByTestId('company-entry').count()).toBe(2);
    await page.getByTestId('nav-received').click();
    await page.getByTestId('received-sync-all').click();
    const outcome = page.getByTestId('received-sync-all-outcome');
    await expect.poll(() => outcome.getByTestId('received-sync-all-line').count(), { timeout: 60_000 }).toBe(2);
    const lines = await outcome.getByTestId('received-sync-all-line').allTextContents();
    expect(lines[0]).toBe(`Pszczółka Miód i Wosk (NIP ${NIP}): nowe faktury: 0`);
    expect(lines[1]).toMatch(/^Klient Bez Certyfikatu \(NIP 9876543210\): pominięta — brak domyślnego certyfikatu/);
    await shot(page, '7-sync-all');
  }, 90_000);
});
