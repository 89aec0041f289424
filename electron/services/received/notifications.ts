/** Whether and what to tell the user (OS notification) after a sync; plain Node, the Electron adapter only shows it. */
import type { Language } from '../../../shared/domain/settings';
import type { ReceivedSyncSummary } from '../../../shared/ipc/channels/received';

export interface NewInvoicesNotice {
  companyNip: string;
  title: string;
  body: string;
}

/** Polish plural of "faktura" in the accusative: 1 fakturę, 2–4 faktury (not 12–14), otherwise faktur. */
export function fakturyPl(count: number): string {
  if (count === 1) return 'fakturę';
  const tens = count % 100;
  const units = count % 10;
  return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? 'faktury' : 'faktur';
}

/** A notice only for a successful run that brought new invoices; a failed, cancelled or empty run stays silent. */
export function noticeForSync(summary: ReceivedSyncSummary, context: { companyName?: string; language: Language }): NewInvoicesNotice | null {
  if (summary.error || summary.cancelled || summary.imported <= 0) return null;
  const who = context.companyName ? `${context.companyName} (NIP ${summary.companyNip})` : `NIP ${summary.companyNip}`;
  if (context.language === 'en') {
    return { companyNip: summary.companyNip, title: 'New invoices in KSeF', body: `${who} received ${summary.imported} new invoice${summary.imported === 1 ? '' : 's'}.` };
  }
  return { companyNip: summary.companyNip, title: 'Nowe faktury w KSeF', body: `${who}: ${summary.imported} ${fakturyPl(summary.imported)} do przejrzenia.` };
}
