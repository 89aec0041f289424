/** Ending a session: counting outcomes, the session UPO and the final status (PROTOCOL §5, §7). */
import { newReferenceNumber } from '../ids/reference-number';
import type { SessionRuntime } from './runtime';
import { NO_INVOICES_SENT, UPLOAD_TIME_EXCEEDED, invoiceStatus, sessionStatus } from './statuses';
import type { SessionRecord } from './types';
import { sessionUpoXmlPages } from './upo';

/** 440 when nothing was sent, 445 when nothing was accepted, else 200 with the session UPO pages. */
export function finalizeSession(runtime: SessionRuntime, session: SessionRecord): void {
  const now = runtime.now();
  if (session.invoices.length === 0) {
    session.status = sessionStatus(session.type, 440, NO_INVOICES_SENT);
  } else {
    const pages = sessionUpoXmlPages(runtime.deps.store, session);
    session.upoPages = pages.map((xml) => ({ referenceNumber: newReferenceNumber('EU', now), xml }));
    session.status = sessionStatus(session.type, pages.length ? 200 : 445);
  }
  session.dateClosed ??= now.toISOString();
  runtime.touch(session);
}

/** Online close (explicit or after 12 h): status 170 at once; the UPO once every sent invoice is processed. */
export function closeOnlineSession(runtime: SessionRuntime, session: SessionRecord): void {
  session.status = sessionStatus('Online', 170);
  session.dateClosed = runtime.now().toISOString();
  runtime.touch(session);
  void runtime
    .settled(session.referenceNumber)
    .then(() => finalizeSession(runtime, session))
    .catch((error: unknown) => runtime.deps.log(`sandbox: closing session ${session.referenceNumber} failed: ${String(error)}`));
}

/**
 * Processing and uploaded parts live in memory only. After a restart of a persistent sandbox, invoices caught
 * mid-processing are "cancelled by the system" (550), closing online sessions get their UPO, and batches caught
 * processing end with 500 — the spec's own codes for such interruptions.
 */
export function recoverInterruptedSessions(runtime: SessionRuntime): void {
  for (const session of Object.values(runtime.sessions)) {
    for (const invoice of session.invoices) {
      if (invoice.status.code === 100 || invoice.status.code === 150) {
        invoice.status = invoiceStatus(550, ['Przetwarzanie zostało przerwane z przyczyn wewnętrznych systemu. Spróbuj ponownie']);
      }
    }
    if (session.status.code === 170) finalizeSession(runtime, session);
    if (session.type === 'Batch' && session.status.code === 150) session.status = sessionStatus('Batch', 500);
  }
}

/** Lazily applies the time limits: 12 h for online sessions, the upload window / 12 h for batch ones. */
export function applyTimeouts(runtime: SessionRuntime, session: SessionRecord): void {
  if (session.status.code !== 100) return;
  const now = runtime.now().getTime();
  if (session.type === 'Online') {
    if (now > Date.parse(session.validUntil)) closeOnlineSession(runtime, session);
    return;
  }
  if (now > Date.parse(session.validUntil)) {
    session.status = sessionStatus('Batch', 440, UPLOAD_TIME_EXCEEDED);
    runtime.dropParts(session.referenceNumber);
    runtime.touch(session);
  }
}
