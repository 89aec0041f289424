import { randomUUID } from 'node:crypto';
import type { IssuedInvoice, IssueFormValues, IssueOutcome, IssuePreview, IssueProblem, SellerProfile } from '../../../shared/ipc/channels/issue';
import type { InvoiceViewData } from '../../../shared/domain/invoice/view';
import { checkInvoiceRules, effectiveSummary, parseInvoice, type Invoice } from '../../../shared/domain/invoice';
import { formIssues, normalizeDecimal } from '../../../shared/domain/issuing/form-rules';
import { filledLines, formToInvoice } from '../../../shared/domain/issuing/form-to-invoice';
import { AppError } from '../errors/app-error';
import { readInvoiceXml } from '../invoices/xml';
import type { ContractorStore } from './contractor-store';
import type { DraftStore } from './draft-store';
import type { IssuedStore } from './issued-store';
import type { NumberingStore } from './numbering/numbering-store';
import type { ProductStore } from './product-store';
import { fieldOfElementPath, fieldOfModelPath } from './problem-fields';
import { assertReplaceable, rejectedFixForm } from './rejected-fix';

/** The FA(3) document layer issuing needs (writer, validator, view, PDF), each optional until it is wired. */
export interface IssuingDocuments {
  writeXml?: (invoice: Invoice) => string;
  validate?: (xml: string) => Promise<{ valid: boolean; errors: { path: string; message: string; messagePl: string }[] }>;
  view?: (xml: string) => Promise<InvoiceViewData>;
  pdf?: (xml: string) => Promise<Buffer>;
}

export interface IssuingOutbox {
  /** `mode: 'offline'` issues in offline mode; without it the outbox follows the app's mode. */
  enqueue(input: { xml: Buffer; origin: 'issued'; fileName?: string; mode?: 'offline' }): Promise<{ id: string; state: string }>;
  /** The stored bytes of a sent (or queued) invoice. */
  xml(id: string): Buffer;
  get(id: string): { ksefNumber: string | null; state: string };
  /** Puts a rejected entry back in the queue with fixed bytes. */
  resend(id: string, xml: Buffer): Promise<unknown>;
}

export interface IssueServiceDeps {
  drafts: DraftStore;
  numbering: NumberingStore;
  issued: IssuedStore;
  contractors: ContractorStore;
  products: ProductStore;
  sellerProfile: (companyNip: string) => Promise<SellerProfile>;
  documents: IssuingDocuments;
  /** The outbox, or null while sending is not available in this build. */
  outbox: () => IssuingOutbox | null;
  clock?: { now(): Date };
  onChange?: () => void;
}

interface Built {
  validated: boolean;
  xml: string | null;
  invoice: Invoice | null;
  problems: IssueProblem[];
}

const PREVIEW_NUMBER = 'PODGLĄD';

function need<T>(port: T | undefined, what: string): T {
  if (!port) throw new AppError('KSEF_CLIENT_UNAVAILABLE', `${what} is not available`, [what]);
  return port;
}

const hasErrors = (problems: IssueProblem[]) => problems.some((problem) => problem.severity === 'error');

/** "Wystaw": form → model → XML → schema check → number from the series → outbox. Also preview and PDF. */
export class IssueService {
  private readonly clock: { now(): Date };

  constructor(private readonly deps: IssueServiceDeps) {
    this.clock = deps.clock ?? { now: () => new Date() };
  }

  async preview(companyNip: string, form: IssueFormValues): Promise<IssuePreview> {
    const built = await this.build(companyNip, form, this.proposedNumber(companyNip, form));
    const view = built.xml ? await this.viewOf(built.xml) : null;
    return { xml: built.xml ?? '', validated: built.validated, problems: built.problems, view };
  }

  async pdf(companyNip: string, form: IssueFormValues): Promise<{ fileName: string; pdfBase64: string }> {
    const number = this.proposedNumber(companyNip, form);
    const built = await this.build(companyNip, form, number);
    if (!built.xml) throw new AppError('INVALID_INPUT', 'the invoice cannot be built yet', built.problems.map((problem) => problem.field ?? problem.elementPath));
    const pdf = await need(this.deps.documents.pdf, 'pdf')(built.xml);
    return { fileName: `${number.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.pdf`, pdfBase64: pdf.toString('base64') };
  }

  async issue(companyNip: string, form: IssueFormValues, draftId?: string, options: { offline?: boolean } = {}): Promise<IssueOutcome> {
    const outbox = need(this.deps.outbox() ?? undefined, 'outbox');
    const typed = form.number.trim();
    const replacing = form.replacesOutboxId ? this.rejectedEntry(form.replacesOutboxId) : null;
    // A fix keeps the rejected invoice's number, which is (rightly) marked used already.
    const keepsNumber = replacing !== null && typed === replacing.number;
    if (typed && !keepsNumber && this.deps.numbering.isUsed(companyNip, typed)) return { issued: false, problems: [numberUsed()] };
    const proposed = typed || this.proposedNumber(companyNip, form);
    const checked = await this.build(companyNip, form, proposed);
    if (hasErrors(checked.problems) || !checked.xml || !checked.invoice) return { issued: false, problems: checked.problems };

    // From here the number is used for good (a failure below leaves a gap, never a duplicate).
    let number: string;
    try {
      if (typed && !(keepsNumber && this.deps.numbering.isUsed(companyNip, typed))) this.deps.numbering.reserve(companyNip, typed);
      number = typed || this.deps.numbering.allocate(companyNip, form.seriesId ?? '', form.issueDate);
    } catch (error) {
      if (error instanceof AppError && error.code === 'ALREADY_EXISTS') return { issued: false, problems: [numberUsed()] };
      throw error;
    }
    const final = number === proposed ? checked : await this.build(companyNip, form, number);
    if (!final.xml || !final.invoice || hasErrors(final.problems)) return { issued: false, problems: final.problems };

    const bytes = Buffer.from(final.xml, 'utf8');
    const entry = replacing
      ? await outbox.resend(replacing.id, bytes).then(() => ({ id: replacing.id, state: 'queued' }))
      : await outbox.enqueue({ xml: bytes, origin: 'issued', fileName: `${number}.xml`, ...(options.offline ? { mode: 'offline' as const } : {}) });
    const invoice: IssuedInvoice = {
      id: randomUUID(),
      companyNip,
      number,
      issueDate: form.issueDate,
      kind: form.kind,
      buyerName: form.buyer.name.trim(),
      // P_15: what the invoice states (a ZAL's advance, a ROZ's amount left to pay).
      grossTotal: effectiveSummary(final.invoice).gross,
      currency: form.currency,
      outboxId: entry.id,
      ksefNumber: null,
      issuedAt: this.clock.now().toISOString(),
    };
    if (replacing) this.deps.issued.recordFix(invoice, { ...form, number });
    else this.deps.issued.record(invoice, { ...form, number });
    this.rememberBuyer(companyNip, form);
    this.rememberProducts(companyNip, form);
    if (draftId) this.deps.drafts.remove(draftId);
    this.deps.onChange?.();
    return { issued: true, invoice, offline: entry.state === 'offline' };
  }

  /** The view data, or null when it cannot be built (the preview then shows the XML). */
  private async viewOf(xml: string): Promise<InvoiceViewData | null> {
    try {
      return this.deps.documents.view ? await this.deps.documents.view(xml) : null;
    } catch {
      return null;
    }
  }

  /** A sent invoice's model and KSeF number, read back from the outbox's stored bytes. */
  sentInvoice(outboxId: string): { invoice: Invoice; ksefNumber: string | null } {
    const outbox = need(this.deps.outbox() ?? undefined, 'outbox');
    const read = readInvoiceXml(outbox.xml(outboxId));
    if (!read.ok) throw new AppError('INVOICE_FILE_INVALID', read.message, [read.code]);
    return { invoice: read.invoice, ksefNumber: outbox.get(outboxId).ksefNumber };
  }

  /** A draft that fixes a rejected sent invoice (see rejected-fix.ts). */
  fixRejectedForm(outboxId: string): { companyNip: string; form: IssueFormValues } {
    const outbox = need(this.deps.outbox() ?? undefined, 'outbox');
    assertReplaceable(outbox.get(outboxId).state);
    const { invoice } = this.sentInvoice(outboxId);
    return { companyNip: invoice.seller.nip, form: rejectedFixForm(invoice, outboxId) };
  }

  private rejectedEntry(outboxId: string): { id: string; number: string } {
    const outbox = need(this.deps.outbox() ?? undefined, 'outbox');
    assertReplaceable(outbox.get(outboxId).state);
    return { id: outboxId, number: this.sentInvoice(outboxId).invoice.number };
  }

  private proposedNumber(companyNip: string, form: IssueFormValues): string {
    if (form.number.trim()) return form.number.trim();
    if (!form.seriesId || !/^\d{4}-\d{2}-\d{2}$/.test(form.issueDate)) return PREVIEW_NUMBER;
    try {
      return this.deps.numbering.propose(companyNip, form.seriesId, form.issueDate);
    } catch {
      return PREVIEW_NUMBER;
    }
  }

  private async build(companyNip: string, form: IssueFormValues, number: string): Promise<Built> {
    const beforeCount = form.kind === 'KOR' ? filledLines(form.correction.linesBefore).length : 0;
    const problems: IssueProblem[] = formIssues(form).map((issue) => ({
      field: issue.path.join('.'),
      elementPath: '',
      code: issue.message,
      severity: 'error',
      message: issue.message,
      messagePl: issue.message,
    }));
    const seller = await this.deps.sellerProfile(companyNip);
    if (seller.address.line1.trim() === '') problems.push(formProblem('seller', 'sellerProfile'));
    if (hasErrors(problems)) return { validated: false, xml: null, invoice: null, problems };

    const invoice = formToInvoice(form, seller, { number });
    const parsed = parseInvoice(invoice);
    if (!parsed.ok) {
      for (const issue of parsed.issues) problems.push({ field: fieldOfModelPath(issue.path, beforeCount, form.kind), elementPath: '', code: null, severity: 'error', message: issue.message, messagePl: issue.message });
      return { validated: false, xml: null, invoice: null, problems };
    }
    for (const rule of checkInvoiceRules(invoice)) {
      problems.push({ field: fieldOfModelPath(rule.path, beforeCount, form.kind), elementPath: '', code: `rule.${rule.code}`, severity: rule.severity, message: rule.code, messagePl: rule.code });
    }
    const xml = need(this.deps.documents.writeXml, 'writeXml')(invoice);
    // Until the in-app XSD check is wired, the model schema above (which mirrors the XSD facets) is the check.
    const validate = this.deps.documents.validate;
    const report = validate ? await validate(xml) : { valid: true, errors: [] };
    for (const error of report.errors) {
      problems.push({ field: fieldOfElementPath(error.path, beforeCount, form.kind), elementPath: error.path, code: null, severity: 'error', message: error.message, messagePl: error.messagePl });
    }
    return { validated: validate !== undefined, xml, invoice, problems };
  }

  /** Lines typed by hand become products (name, unit, last price, rate), so the next invoice can pick them. */
  private rememberProducts(companyNip: string, form: IssueFormValues): void {
    for (const line of filledLines(form.lines)) {
      if (line.productId) continue;
      try {
        this.deps.products.save(companyNip, {
          name: line.name.trim(),
          unit: line.unit.trim(),
          priceMode: form.priceMode,
          price: normalizeDecimal(line.unitPrice),
          rate: line.rate,
          pkwiu: line.pkwiu.trim(),
          gtu: line.gtu,
          annex15: line.annex15,
        });
      } catch {
        // Same as for the buyer: a line the list cannot keep does not undo the issued invoice.
      }
    }
  }

  /** A buyer typed on an issued invoice goes to the contractors book (or updates its entry) when asked to. */
  private rememberBuyer(companyNip: string, form: IssueFormValues): void {
    const { buyer } = form;
    if (!buyer.saveToBook) return;
    try {
      this.deps.contractors.save(companyNip, {
        identifierType: buyer.identifierType,
        identifier: buyer.identifier,
        identifierCountry: buyer.identifierCountry,
        name: buyer.name.trim(),
        address: { line1: buyer.address.line1.trim(), line2: buyer.address.line2.trim(), countryCode: buyer.address.countryCode || 'PL' },
        email: buyer.email.trim(),
      });
    } catch {
      // The invoice is issued; a buyer the book refuses (e.g. a duplicate consumer name) is not worth failing it.
    }
  }
}

function formProblem(field: string, code: string): IssueProblem {
  return { field, elementPath: '', code, severity: 'error', message: code, messagePl: code };
}

function numberUsed(): IssueProblem {
  return formProblem('number', 'numberUsed');
}
