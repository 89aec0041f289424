import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../electron/sandbox/index';
import { buildTestInvoice } from '../../electron/sandbox/sessions/client-kit';
import { warsawDate } from '../../shared/domain/business-days';
import { formToInvoice } from '../../shared/domain/issuing/form-to-invoice';
import { emptyIssueForm, type IssueFormValues } from '../../shared/ipc/channels/issue';
import { writeInvoiceXml } from '../../electron/services/invoices/xml';
import { blankSellerProfile } from '../../shared/domain/issuing/seller-profile';
import { addCompanyAndSignIn, openAppWithTestCertificate, type CompanyUi } from '../helpers/e2e-company';
import { sandboxFaults } from '../helpers/sandbox-faults';

const NIP = '5265877635';
const PASSPHRASE = 'wysylka faktur 2026';
const SHOTS = '/tmp/shots';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SHOTS, `sent-${name}.png`), fullPage: true, animations: 'disabled' });
}

const invoiceFile = (number: string, issueDate = warsawDate(new Date())) => ({
  name: `${number.replace(/\//g, '-')}.xml`,
  mimeType: 'application/xml',
  buffer: buildTestInvoice({ sellerNip: NIP, invoiceNumber: number, issueDate }),
});

/** An advance invoice (ZAL) for an order of 20 000,00 + 23 % VAT, 5 000,00 received — written as the form writes it. */
function advanceInvoiceFile(number: string) {
  const today = warsawDate(new Date());
  const base = emptyIssueForm();
  const form: IssueFormValues = {
    ...base,
    kind: 'ZAL',
    issueDate: today,
    buyer: { ...base.buyer, identifier: '7352765225', name: 'Nabywca Testowy S.A.', address: { line1: 'ul. Krzywa 2', line2: '30-001 Kraków', countryCode: 'PL' } },
    lines: [{ productId: null, name: 'Koparka', quantity: '1', unit: 'szt.', unitPrice: '20000', rate: '23', discount: '', pkwiu: '', gtu: '', annex15: false }],
    advance: { ...base.advance, received: '5000', receivedDate: today },
  };
  const seller = { ...blankSellerProfile(NIP, 'Pszczółka Miód i Wosk'), address: { line1: 'ul. Pszczela 2', line2: '00-950 Warszawa', countryCode: 'PL' } };
  const xml = writeInvoiceXml(formToInvoice(form, seller, { number }));
  return { name: `${number.replace(/\//g, '-')}.xml`, mimeType: 'application/xml', buffer: Buffer.from(xml, 'utf8') };
}

/** A sole trader's day: send invoices to KSeF, see numbers and UPO, a rejection explained, and offline mode with QR codes. */
describe('Sent page (browser mode, sandbox)', () => {
  let sandbox: RunningSandbox;
  let ui: CompanyUi;
  let page: Page;

  const rows = () => page.getByTestId('sent-table').locator('.MuiDataGrid-row');
  const rowOf = (number: string) => rows().filter({ hasText: number });
  const stateOf = (number: string) => rowOf(number).getByTestId('outbox-state').getAttribute('data-state');

  /** Closes the invoice drawer (and a dialog over it) and waits until it is gone. */
  async function closeDetail(): Promise<void> {
    const editor = page.getByTestId('xml-edit-dialog');
    if (await editor.count()) await editor.getByRole('button', { name: 'Anuluj' }).click();
    await expect.poll(() => editor.count()).toBe(0);
    await page.getByTestId('sent-detail').getByRole('button', { name: 'Zamknij' }).click();
    await expect.poll(() => page.getByTestId('sent-detail').count()).toBe(0);
  }

  /** Imports the files and waits until the list has grown by as many rows. */
  async function importFiles(...files: ReturnType<typeof invoiceFile>[]): Promise<void> {
    const before = await rows().count();
    await page.getByTestId('import-input').setInputFiles(files);
    // The first import compiles the FA(3) schema (XSD) in the app: give it time.
    await expect.poll(() => rows().count(), { timeout: 60_000 }).toBe(before + files.length);
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off' });
    ui = await openAppWithTestCertificate(sandbox, { nip: NIP, passphrase: PASSPHRASE, profilePrefix: 'ksef-desk-send-e2e-' });
    page = ui.page;
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await sandbox?.close();
  });

  it('starts empty, then signs in for the company', async () => {
    await page.getByTestId('nav-sent').click();
    await expect.poll(() => page.getByText('Nie wysłano jeszcze żadnej faktury').count()).toBe(1);
    await shot(page, '1-empty');

    await addCompanyAndSignIn(page, { nip: NIP, name: 'Pszczółka Miód i Wosk', passphrase: PASSPHRASE });
  }, 60_000);

  it('imports XML files, sends them, and shows their KSeF numbers', async () => {
    await page.getByTestId('nav-sent').click();
    await importFiles(invoiceFile('FV/1/2026'), invoiceFile('FV/2/2026'));
    expect(await stateOf('FV/1/2026')).toBe('queued');
    await shot(page, '2-queued');
    await page.getByTestId('send-now').click();
    await expect.poll(() => stateOf('FV/1/2026'), { timeout: 60_000 }).toBe('accepted');
    await expect.poll(() => stateOf('FV/2/2026'), { timeout: 60_000 }).toBe('accepted');
    expect(await rowOf('FV/1/2026').getByTestId('ksef-number').textContent()).toMatch(new RegExp(`^${NIP}-\\d{8}-[0-9A-F]{12}-[0-9A-F]{2}$`));
    await shot(page, '3-accepted');
  }, 90_000);

  it('opens one: KSeF number, history, UPO and PDF downloads', async () => {
    await rowOf('FV/1/2026').click();
    const detail = page.getByTestId('sent-detail');
    const ksefNumber = (await detail.getByTestId('detail-ksef-number').textContent())?.trim() ?? '';
    expect(ksefNumber).toMatch(new RegExp(`^${NIP}-`));
    await expect.poll(() => detail.getByTestId('timeline').locator('li').count()).toBeGreaterThanOrEqual(3);
    await shot(page, '4-detail');

    const [upo] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('download-upo').click()]);
    const upoXml = readFileSync((await upo.path()) ?? '', 'utf8');
    expect(upoXml).toContain('Potwierdzenie');
    expect(upoXml).toContain(ksefNumber);
    const [pdf] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('download-pdf').click()]);
    expect(readFileSync((await pdf.path()) ?? '').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    await closeDetail();
  }, 60_000);

  it("shows a rejection with KSeF's reason in Polish and English, and resends it fixed", async () => {
    // Same seller, kind and number as FV/1/2026 but other bytes: KSeF's duplicate rule (440).
    const yesterday = new Date(Date.now() - 86_400_000);
    await importFiles({ ...invoiceFile('FV/1/2026', warsawDate(yesterday)), name: 'duplikat.xml' });
    await page.getByTestId('send-now').click();
    await expect.poll(() => rows().filter({ has: page.locator('[data-state="rejected"]') }).count(), { timeout: 60_000 }).toBe(1);
    await rows().filter({ has: page.locator('[data-state="rejected"]') }).click();
    const rejection = page.getByTestId('sent-detail').getByTestId('rejection');
    await expect.poll(() => rejection.textContent()).toContain('Duplikat');
    expect(await rejection.textContent()).toContain('Duplicate');
    await shot(page, '5-rejected');

    await rejection.getByTestId('fix-and-resend').click();
    const editor = page.getByTestId('xml-edit-dialog');
    const xml = await editor.getByRole('textbox').inputValue();
    await editor.getByRole('textbox').fill(xml.replace('<P_2>FV/1/2026</P_2>', '<P_2>FV/3/2026</P_2>'));
    await shot(page, '6-fix-xml');
    await editor.getByTestId('xml-edit-send').click();
    await expect.poll(() => editor.getByText('Wysłano').count()).toBe(1);
    await closeDetail();
    await page.getByTestId('send-now').click();
    await expect.poll(() => stateOf('FV/3/2026'), { timeout: 60_000 }).toBe('accepted');
  }, 120_000);

  it('fixes a rejected invoice in the issuing form: the same entry, a new number typed, sent again', async () => {
    const yesterday = new Date(Date.now() - 86_400_000);
    await importFiles({ ...invoiceFile('FV/2/2026', warsawDate(yesterday)), name: 'duplikat-2.xml' });
    await page.getByTestId('send-now').click();
    const rejected = () => rows().filter({ has: page.locator('[data-state="rejected"]') });
    await expect.poll(() => rejected().count(), { timeout: 60_000 }).toBe(1);
    const rowCount = await rows().count();
    await rejected().click();
    await page.getByTestId('sent-detail').getByTestId('open-in-form').click();

    await expect.poll(() => page.getByTestId('fixing-rejected').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('fixing-rejected').textContent()).toContain('FV/2/2026');
    await expect.poll(() => page.getByTestId('issue-number').inputValue()).toBe('FV/2/2026');
    // An imported invoice's seller data is not in the app yet: the form asks for it once.
    await page.getByTestId('seller-profile-button').click();
    const profile = page.getByTestId('seller-profile-dialog');
    await profile.getByTestId('seller-line1').fill('ul. Pszczela 2');
    await profile.getByTestId('seller-line2').fill('00-950 Warszawa');
    await profile.getByTestId('seller-save').click();
    await expect.poll(() => profile.count()).toBe(0);
    // KSeF refused the number as a duplicate: the fix gets another one.
    await page.getByTestId('issue-number').fill('FV/9/2026');
    await shot(page, '6b-fix-in-form');
    await page.getByTestId('issue').click();
    const issued = page.getByTestId('issued-dialog');
    await expect.poll(() => issued.textContent(), { timeout: 30_000 }).toContain('FV/9/2026');
    await issued.getByRole('button', { name: 'Wystaw kolejną' }).click();

    await page.getByTestId('nav-sent').click();
    await page.getByTestId('send-now').click();
    await expect.poll(() => stateOf('FV/9/2026'), { timeout: 60_000 }).toBe('accepted');
    expect(await rejected().count()).toBe(0);
    expect(await rows().count()).toBe(rowCount);
  }, 120_000);

  it('settles an advance: a ZAL accepted by KSeF is picked in a settlement (ROZ), which is sent with what is left to pay', async () => {
    await importFiles(advanceInvoiceFile('ZAL/1/2026'));
    await page.getByTestId('send-now').click();
    await expect.poll(() => stateOf('ZAL/1/2026'), { timeout: 60_000 }).toBe('accepted');
    const zalKsefNumber = (await rowOf('ZAL/1/2026').getByTestId('ksef-number').textContent())?.trim() ?? '';

    await page.getByTestId('nav-issue').click();
    await page.getByTestId('new-invoice').click();
    await page.getByTestId('issue-kind').selectOption('ROZ');
    await page.getByTestId('issue-settled-advances').getByLabel('Wybierz z wysłanych faktur zaliczkowych').click();
    await page.getByRole('option', { name: /ZAL\/1\/2026/ }).click();
    // The advance brings its KSeF number and amount, and (the form being empty) its buyer and order lines.
    await expect.poll(() => page.getByTestId('settled-reference').inputValue(), { timeout: 20_000 }).toBe(zalKsefNumber);
    await expect.poll(() => page.getByTestId('buyer-name').inputValue(), { timeout: 20_000 }).toBe('Nabywca Testowy S.A.');
    await expect.poll(() => page.getByTestId('line-name').first().inputValue(), { timeout: 20_000 }).toBe('Koparka');
    await shot(page, '6c-settlement');
    await page.getByTestId('issue').click();
    const issued = page.getByTestId('issued-dialog');
    await expect.poll(() => issued.count(), { timeout: 30_000 }).toBe(1);
    const rozNumber = /Wystawiono fakturę (\S+)/.exec((await issued.textContent()) ?? '')?.[1] ?? '';
    await issued.getByRole('button', { name: 'Wystaw kolejną' }).click();

    await page.getByTestId('nav-sent').click();
    await page.getByTestId('send-now').click();
    await expect.poll(() => stateOf(rozNumber), { timeout: 60_000 }).toBe('accepted');
    // 24 600,00 sold, 5 000,00 paid in advance: P_15 of the settlement is what is left.
    expect(await rowOf(rozNumber).textContent()).toMatch(/19\s600,00\sPLN/); // thousands separated by a no-break space
  }, 120_000);

  it('offline mode: an offline invoice with its deadline and KOD I, KOD II after obtaining an Offline certificate, sent when switched back', async () => {
    // The switch follows main's answer, so click and wait for the banner rather than `check()`.
    await page.getByTestId('offline-toggle').locator('input').click();
    await expect.poll(() => page.getByTestId('offline-banner').count()).toBe(1);
    await importFiles(invoiceFile('FV/4/2026'));
    expect(await stateOf('FV/4/2026')).toBe('offline');
    await expect.poll(() => rowOf('FV/4/2026').getByTestId('deadline').textContent()).toMatch(/^do \d{2}\.\d{2}\.\d{4}/);
    await expect.poll(() => page.getByTestId('offline-certificate-missing').count()).toBe(1);
    await shot(page, '7-offline');

    await rowOf('FV/4/2026').click();
    const detail = page.getByTestId('sent-detail');
    await expect.poll(() => detail.getByTestId('kod1-url').textContent()).toMatch(new RegExp(`/invoice/${NIP}/\\d{2}-\\d{2}-\\d{4}/`));
    expect(await detail.getByTestId('kod2-url').count()).toBe(0);
    await expect.poll(() => detail.locator('img').count()).toBeGreaterThanOrEqual(1);
    await shot(page, '8-offline-detail');
    await closeDetail();

    await page.getByTestId('offline-certificate-missing').getByRole('button', { name: 'Uzyskaj certyfikat Offline' }).click();
    const dialog = page.getByTestId('offline-certificate-dialog');
    await dialog.getByRole('button', { name: 'Uzyskaj certyfikat KSeF' }).click();
    await expect.poll(() => page.getByText('Podpisano kody: 1.').count(), { timeout: 60_000 }).toBe(1);
    await dialog.getByRole('button', { name: 'Zamknij' }).click();
    await rowOf('FV/4/2026').click();
    await expect.poll(() => detail.getByTestId('kod2-url').textContent()).toContain(`/certificate/Nip/${NIP}/${NIP}/`);
    await expect.poll(() => detail.locator('img').count()).toBeGreaterThanOrEqual(2);
    await shot(page, '9-offline-kod2');
    await closeDetail();

    await page.getByTestId('offline-toggle').locator('input').click();
    await expect.poll(() => page.getByTestId('offline-banner').count()).toBe(0);
    await expect.poll(() => stateOf('FV/4/2026'), { timeout: 60_000 }).toBe('accepted');
    await shot(page, '10-offline-sent');
  }, 120_000);

  it('refuses a file that is not a valid FA(3) invoice and says where', async () => {
    const broken = invoiceFile('FV/5/2026').buffer.toString('utf8').replace('</P_2>', '</P_2><P_2>');
    const badDate = invoiceFile('FV/8/2026').buffer.toString('utf8').replace(/<P_1>[^<]*<\/P_1>/, '<P_1>2026-02-31</P_1>');
    await page.getByTestId('import-input').setInputFiles([
      { name: 'zepsuta.xml', mimeType: 'application/xml', buffer: Buffer.from(broken) },
      { name: 'zla-data.xml', mimeType: 'application/xml', buffer: Buffer.from(badDate) },
    ]);
    await expect.poll(() => page.getByTestId('import-error').count(), { timeout: 30_000 }).toBe(2);
    const errors = await page.getByTestId('import-error').allTextContents();
    expect(errors[0]).toContain('zepsuta.xml');
    expect(errors[0]).toContain('To nie jest poprawny plik XML');
    // The XSD finding names its line and element, in Polish.
    expect(errors[1]).toMatch(/zla-data\.xml: wiersz \d+ \/Faktura\/Fa\/P_1: /);
    await shot(page, '11-import-error');
  }, 60_000);

  it('records an announced KSeF emergency (awaria)', async () => {
    await page.getByTestId('outages-button').click();
    const panel = page.getByTestId('outages-panel');
    await expect.poll(() => panel.getByText('Brak zapisanych okresów niedostępności.').count()).toBe(1);
    const hourAgo = new Date(Date.now() - 3_600_000);
    const two = (n: number) => String(n).padStart(2, '0');
    // datetime-local takes the browser's (here: this machine's) wall clock.
    const local = `${hourAgo.getFullYear()}-${two(hourAgo.getMonth() + 1)}-${two(hourAgo.getDate())}T${two(hourAgo.getHours())}:00`;
    await panel.getByLabel('Początek').fill(local);
    await panel.getByRole('button', { name: 'Zapisz ogłoszenie' }).click();
    await expect.poll(() => panel.getByTestId('outage').count()).toBe(1);
    expect(await panel.getByTestId('outage').textContent()).toContain('trwa');
    await shot(page, '12-outages');
    await panel.getByRole('button', { name: 'Zakończona teraz' }).click();
    await expect.poll(() => panel.getByTestId('outage').textContent()).not.toContain('trwa');
  }, 60_000);

  it('an outage switches to offline issuing, and the queue is sent when KSeF answers again', async () => {
    await page.getByTestId('outages-button').click();
    const faults = sandboxFaults(sandbox);
    await faults.set('outage');
    await importFiles(invoiceFile('FV/6/2026'));
    // Not one failed request but failures over time, confirmed by a probe: keep trying to send until the app says so.
    await expect
      .poll(
        async () => {
          await page.getByTestId('send-now').click();
          return page.getByTestId('offline-banner').count();
        },
        { timeout: 90_000, interval: 3_000 },
      )
      .toBe(1);
    expect(await page.getByTestId('offline-banner').textContent()).toContain('KSeF nie odpowiada od');
    await importFiles(invoiceFile('FV/7/2026'));
    expect(await stateOf('FV/7/2026')).toBe('offline');
    await expect.poll(() => rowOf('FV/7/2026').textContent()).toContain('po przywróceniu KSeF');
    await shot(page, '13-outage');

    await faults.clear();
    await page.getByTestId('offline-banner').getByRole('button', { name: 'Sprawdź połączenie' }).click();
    await expect.poll(() => page.getByTestId('offline-banner').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => stateOf('FV/7/2026'), { timeout: 60_000 }).toBe('accepted');
    await expect.poll(() => stateOf('FV/6/2026'), { timeout: 60_000 }).toBe('accepted');
    await shot(page, '14-after-outage');
  }, 240_000);

  it('offers a technical correction for an offline invoice rejected for a technical fault, warning about content changes', async () => {
    // Issued offline with a number KSeF already has (other bytes): a duplicate, 440 — a technical rejection (§14).
    const yesterday = new Date(Date.now() - 86_400_000);
    await page.getByTestId('offline-toggle').locator('input').click();
    await expect.poll(() => page.getByTestId('offline-banner').count()).toBe(1);
    await importFiles({ ...invoiceFile('FV/2/2026', warsawDate(yesterday)), name: 'fv2-offline.xml' });
    await page.getByTestId('offline-toggle').locator('input').click();
    const rejectedRow = () => rowOf('FV/2/2026').filter({ has: page.locator('[data-state="rejected"]') });
    await expect.poll(() => rejectedRow().count(), { timeout: 60_000 }).toBe(1);

    await rejectedRow().click();
    await page.getByTestId('sent-detail').getByTestId('technical-correction').click();
    const editor = page.getByTestId('xml-edit-dialog');
    const xml = await editor.getByRole('textbox').inputValue();
    await editor.getByRole('textbox').fill(xml.replace('<P_2>FV/2/2026</P_2>', '<P_2>FV/8/2026</P_2>'));
    await editor.getByRole('button', { name: 'Sprawdź' }).click();
    await expect.poll(() => editor.getByTestId('content-differences').textContent()).toContain('P_2: FV/2/2026 → FV/8/2026');
    expect(await editor.getByTestId('xml-edit-send').isEnabled()).toBe(false);
    await editor.getByRole('checkbox').check();
    await shot(page, '15-technical-correction');
    await editor.getByTestId('xml-edit-send').click();
    await expect.poll(() => editor.getByText('Wysłano').count(), { timeout: 30_000 }).toBe(1);
    await closeDetail();
    await expect.poll(() => stateOf('FV/8/2026'), { timeout: 60_000 }).toBe('accepted');
    // The rejected original is settled by its accepted correction: no deadline any more.
    await expect.poll(() => rejectedRow().getByTestId('deadline').count()).toBe(0);
    await shot(page, '16-corrected');
  }, 180_000);

  it('issues one invoice offline from the form: its PDF carries both QR codes, and it waits in Sent until sent', async () => {
    await page.getByTestId('nav-issue').click();
    await page.getByTestId('new-invoice').click();
    await page.getByTestId('buyer-identifier').fill('7352765225');
    await page.getByTestId('buyer-name').fill('Nabywca Testowy S.A.');
    await page.getByTestId('buyer-line1').fill('ul. Krzywa 2');
    await page.getByTestId('buyer-line2').fill('30-001 Kraków');
    await page.getByTestId('line-name').first().fill('Miód wielokwiatowy');
    await page.getByTestId('line-price').first().fill('45,00');
    await page.getByTestId('issue-more').click();
    await page.getByTestId('issue-offline').click();

    const issued = page.getByTestId('issued-dialog');
    await expect.poll(() => issued.getAttribute('data-offline'), { timeout: 30_000 }).toBe('true');
    expect(await issued.getByTestId('issued-offline').textContent()).toContain('trybie offline');
    const number = /Wystawiono fakturę (\S+)/.exec((await issued.textContent()) ?? '')?.[1] ?? '';
    await shot(page, '6d-issued-offline');
    const [pdf] = await Promise.all([page.waitForEvent('download'), issued.getByTestId('issued-pdf').click()]);
    const pdfPath = (await pdf.path()) ?? '';
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('OFFLINE'); // KOD I of an offline invoice
    expect(text).toContain('CERTYFIKAT'); // KOD II, signed with the Offline certificate obtained above
    await issued.getByRole('button', { name: 'Wystaw kolejną' }).click();

    await page.getByTestId('nav-sent').click();
    expect(await stateOf(number)).toBe('offline');
    await page.getByTestId('send-now').click();
    await expect.poll(() => stateOf(number), { timeout: 60_000 }).toBe('accepted');
  }, 120_000);
});
