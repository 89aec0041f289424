/**
 * Invoices as documents (helper C): `buildInvoiceViewData` for the React view and `renderInvoicePdf` for the PDF.
 * Both read the XML with the FA(3) reader and never render from raw XML, so the view and the PDF show the same
 * model. One code path serves Electron, browser mode and the CLI.
 */
import type { KsefEnvironment } from '../../../shared/domain/environments';
import { invoiceDocument } from '../../../shared/domain/invoice-document';
import type { Invoice } from '../../../shared/domain/invoice/model';
import type { InvoiceQrCode, InvoiceViewData } from '../../../shared/domain/invoice/view';
import { AppError } from '../errors/app-error';
import { invoicePdfDefinition } from './pdf/pdf-layout';
import { renderPdfDefinition } from './pdf/pdfmake-engine';
import { kod1Label, kod1Url, KOD2_LABEL, QrCodeInputError, qrPngDataUrl } from './qr';
import { readInvoiceXml } from './xml';

export interface InvoiceDocumentInput {
  /** The exact invoice file (KOD I hashes these bytes). */
  xml: Buffer;
  ksefNumber?: string | null;
  environment: KsefEnvironment;
  /**
   * An offline invoice (offline24, KSeF unavailable, emergency) not yet given a KSeF number: KOD I is printed
   * with the label OFFLINE. Implied by `kod2`.
   */
  offline?: boolean;
  /** KOD II, already signed with the Offline KSeF certificate (see qr/kod2-signer.ts). */
  kod2?: { url: string };
}

function readOrThrow(xml: Buffer): Invoice {
  const result = readInvoiceXml(xml);
  if (!result.ok) {
    const where = result.line !== undefined ? [`line ${result.line}`] : [];
    throw new AppError('INVOICE_FILE_INVALID', `${result.code}: ${result.message}`, [result.code, ...where]);
  }
  return result.invoice;
}

/** KOD I once the invoice has a KSeF number or is an offline invoice; KOD II when given. */
async function qrCodesFor(invoice: Invoice, input: InvoiceDocumentInput): Promise<InvoiceQrCode[]> {
  try {
    return await buildQrCodes(invoice, input);
  } catch (error) {
    // Only an invoice outside FA(3) (a NIP or date of the wrong shape) can make the codes impossible.
    if (error instanceof QrCodeInputError) throw new AppError('INVOICE_FILE_INVALID', error.message, ['QR_CODE']);
    throw error;
  }
}

async function buildQrCodes(invoice: Invoice, input: InvoiceDocumentInput): Promise<InvoiceQrCode[]> {
  const ksefNumber = input.ksefNumber?.trim() || null;
  const codes: InvoiceQrCode[] = [];
  if (ksefNumber || input.offline || input.kod2) {
    const url = kod1Url({ environment: input.environment, sellerNip: invoice.seller.nip, issueDate: invoice.issueDate, xml: input.xml });
    codes.push({ kind: 'KOD_I', url, label: kod1Label(ksefNumber), imageDataUrl: await qrPngDataUrl(url) });
  }
  if (input.kod2) {
    codes.push({ kind: 'KOD_II', url: input.kod2.url, label: KOD2_LABEL, imageDataUrl: await qrPngDataUrl(input.kod2.url) });
  }
  return codes;
}

export async function buildInvoiceViewData(input: InvoiceDocumentInput): Promise<InvoiceViewData> {
  const invoice = readOrThrow(input.xml);
  return { invoice, ksefNumber: input.ksefNumber?.trim() || null, qrCodes: await qrCodesFor(invoice, input) };
}

/** The PDF of already-built view data (e.g. when the caller also shows the view). */
export function renderInvoiceViewPdf(data: InvoiceViewData): Promise<Buffer> {
  return renderPdfDefinition(invoicePdfDefinition(invoiceDocument(data)));
}

/** A4 PDF with selectable text (Roboto, Polish characters), parties, lines, VAT summary, payment and QR codes. */
export async function renderInvoicePdf(input: InvoiceDocumentInput): Promise<Buffer> {
  return renderInvoiceViewPdf(await buildInvoiceViewData(input));
}
