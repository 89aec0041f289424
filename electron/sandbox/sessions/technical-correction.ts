/**
 * Technical correction (PROTOCOL §14): a fixed copy of an offline invoice that KSeF rejected for technical
 * reasons, sent with `hashOfCorrectedInvoice` = hash of the rejected file. One accepted correction per
 * original (21166); never for an original that was accepted (21167).
 */
import type { ContextIdentifier } from '../state/types';
import { sessionError } from './errors';
import type { SessionRuntime } from './runtime';
import type { SessionInvoiceRecord } from './types';

function invoicesOfContext(runtime: SessionRuntime, context: ContextIdentifier): SessionInvoiceRecord[] {
  return Object.values(runtime.sessions)
    .filter((s) => s.context.type === context.type && s.context.value === context.value)
    .flatMap((s) => s.invoices);
}

export function checkTechnicalCorrection(runtime: SessionRuntime, context: ContextIdentifier, hashOfCorrectedInvoice: string): void {
  const invoices = invoicesOfContext(runtime, context);
  if (invoices.some((i) => i.invoiceHash === hashOfCorrectedInvoice && i.status.code === 200)) {
    throw sessionError(21167, 'Nie można wysłać korekty technicznej do prawidłowo przetworzonej faktury.');
  }
  // A correction still being processed counts too: otherwise two could be accepted.
  const accepted = invoices.some((i) => i.hashOfCorrectedInvoice === hashOfCorrectedInvoice && [100, 150, 200].includes(i.status.code));
  if (accepted) throw sessionError(21166, 'Faktura posiada już przetworzoną prawidłowo korektę techniczną.');
}
