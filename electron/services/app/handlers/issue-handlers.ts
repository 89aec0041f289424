import type { Handlers } from '../../../ipc/handlers';
import { DONE } from '../../../../shared/ipc/channels/limits';
import { correctionForm, invoiceToForm } from '../../../../shared/domain/issuing/invoice-to-form';
import { copyAsNewForm, type IssuingServices } from '../../issuing';

type IssueHandlers = { [C in keyof Handlers as C extends `issue:${string}` ? C : never]: Handlers[C] };

/** issue:* — the issuing form's stores (profile, contractors, products, series, drafts) and "Wystaw". */
export function issueHandlers(issuing: IssuingServices): IssueHandlers {
  const { profiles, contractors, products, numbering, drafts, issued, service } = issuing;
  /** Runs a change and tells the renderer to re-read what it shows. */
  const changing = <T>(value: T): T => {
    issuing.onChange();
    return value;
  };
  return {
    'issue:profileGet': ({ companyNip }) => issuing.sellerProfile(companyNip),
    'issue:profileSave': async ({ profile }) => changing(profiles.save(profile)),
    'issue:contractorsList': async ({ companyNip, query }) => contractors.list(companyNip, query),
    'issue:contractorSave': async ({ companyNip, contractor, asNew }) => changing(contractors.save(companyNip, contractor, { asNew })),
    'issue:contractorRemove': async ({ companyNip, id }) => {
      contractors.remove(companyNip, id);
      return changing(DONE);
    },
    'issue:productsList': async ({ companyNip, query }) => products.list(companyNip, query),
    'issue:productSave': async ({ companyNip, product, asNew }) => changing(products.save(companyNip, product, { asNew })),
    'issue:productRemove': async ({ companyNip, id }) => {
      products.remove(companyNip, id);
      return changing(DONE);
    },
    'issue:seriesList': async ({ companyNip }) => numbering.list(companyNip),
    'issue:seriesSave': async ({ companyNip, series }) => changing(numbering.save(companyNip, series)),
    'issue:nextNumber': async ({ companyNip, seriesId, issueDate }) => ({ number: numbering.propose(companyNip, seriesId, issueDate) }),
    'issue:draftsList': async ({ companyNip }) => drafts.list(companyNip),
    'issue:draftGet': async ({ id }) => drafts.get(id),
    'issue:draftSave': async ({ companyNip, id, form }) => changing(drafts.save(companyNip, form, id)),
    'issue:draftRemove': async ({ id }) => {
      drafts.remove(id);
      return changing(DONE);
    },
    'issue:copyAsNew': async ({ source, id }) => {
      const origin =
        source === 'draft'
          ? drafts.get(id)
          : source === 'issued'
            ? (({ invoice, form }) => ({ companyNip: invoice.companyNip, form }))(issued.get(id))
            : (({ invoice }) => ({ companyNip: invoice.seller.nip, form: invoiceToForm(invoice) }))(service.sentInvoice(id));
      const created = drafts.save(origin.companyNip, copyAsNewForm(origin.form));
      return changing(drafts.get(created.id));
    },
    'issue:fixRejected': async ({ outboxId }) => {
      const { companyNip, form } = service.fixRejectedForm(outboxId);
      const created = drafts.save(companyNip, form);
      return changing(drafts.get(created.id));
    },
    'issue:correctionOf': async ({ outboxId }) => {
      const { invoice, ksefNumber } = service.sentInvoice(outboxId);
      return correctionForm(invoice, ksefNumber, outboxId);
    },
    'issue:issuedList': async ({ companyNip }) => issued.list(companyNip),
    'issue:issuedGet': async ({ id }) => issued.get(id),
    'issue:preview': ({ companyNip, form }) => service.preview(companyNip, form),
    'issue:pdf': ({ companyNip, form }) => service.pdf(companyNip, form),
    'issue:issue': ({ companyNip, draftId, form, offline }) => service.issue(companyNip, form, draftId, { offline: offline === true }),
  };
}
