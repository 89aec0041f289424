/** Online (interactive) sessions: open, send one invoice at a time, close (PROTOCOL §5). */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import { withAccess } from '../auth/request-auth';
import { sha256Base64 } from '../crypto/primitives';
import { newReferenceNumber } from '../ids/reference-number';
import { processInvoice } from '../invoices/validate';
import { parseJsonBody } from '../server/body';
import { formatKsefDateTime } from '../server/clock';
import { json, noContent, type Router } from '../server/router';
import { sessionForWrite } from './access';
import { base64String, decryptWithSessionKey, encryptionSchema, formCodeSchema, requireFa3FormCode, sha256Base64String, unwrapSessionKey } from './encryption';
import { sessionError } from './errors';
import { closeOnlineSession } from './finalize';
import { ONLINE_WRITE_PERMISSIONS, openSession } from './open-session';
import { ONLINE_SESSION_LIFETIME_MS, type SessionRuntime } from './runtime';
import { settleInvoice } from './settle-invoice';
import { invoiceStatus } from './statuses';
import { checkTechnicalCorrection } from './technical-correction';
import type { SessionInvoiceRecord } from './types';

const openOnlineSchema = z.object({ formCode: formCodeSchema, encryption: encryptionSchema });

const sendInvoiceSchema = z.object({
  invoiceHash: sha256Base64String,
  invoiceSize: z.number().int().min(1),
  encryptedInvoiceHash: sha256Base64String,
  encryptedInvoiceSize: z.number().int().min(1),
  encryptedInvoiceContent: base64String,
  offlineMode: z.boolean().nullish(),
  hashOfCorrectedInvoice: sha256Base64String.nullish(),
});

/** Encrypted invoice ≤3 MB (with attachment) as Base64 inside JSON, with room to spare. */
const MAX_SEND_BODY_BYTES = 5 * 1024 * 1024;

export function registerOnlineSessionRoutes(router: Router, runtime: SessionRuntime): void {
  const { deps } = runtime;

  router.post(
    '/sessions/online',
    withAccess(deps, ONLINE_WRITE_PERMISSIONS, (ctx, access) => {
      const request = parseJsonBody(ctx, openOnlineSchema);
      requireFa3FormCode(request.formCode);
      const now = runtime.now();
      const key = unwrapSessionKey(deps, request.encryption, now);
      const validUntil = new Date(now.getTime() + ONLINE_SESSION_LIFETIME_MS);
      const session = openSession(runtime, { type: 'Online', access, key, validUntil, offlineMode: false });
      return json(201, { referenceNumber: session.referenceNumber, validUntil: formatKsefDateTime(validUntil) });
    }),
  );

  router.post(
    '/sessions/online/{referenceNumber}/invoices',
    withAccess(deps, ONLINE_WRITE_PERMISSIONS, (ctx, access) => {
      const request = parseJsonBody(ctx, sendInvoiceSchema);
      const session = sessionForWrite(runtime, ctx.params.referenceNumber ?? '', access, 'Online');
      if (session.status.code !== 100) throw sessionError(21180, `Status sesji ${session.status.code} uniemożliwia wysyłkę faktur.`);
      const limit = runtime.settings.maxInvoicesPerSession;
      if (session.invoices.length >= limit) {
        throw sessionError(21155, `Sesja o numerze referencyjnym ${session.referenceNumber} osiągnęła dozwolony limit liczby faktur ${limit}.`);
      }
      const encrypted = Buffer.from(request.encryptedInvoiceContent, 'base64');
      if (encrypted.length !== request.encryptedInvoiceSize) throw sessionError(21402, 'Długość treści nie zgadza się z rozmiarem pliku.');
      if (sha256Base64(encrypted) !== request.encryptedInvoiceHash) throw sessionError(21403, 'Skrót treści nie zgadza się ze skrótem pliku.');
      const correctedHash = request.hashOfCorrectedInvoice ?? undefined;
      if (correctedHash) checkTechnicalCorrection(runtime, session.context, correctedHash);

      const now = runtime.now();
      const plain = decryptWithSessionKey(session, encrypted);
      if (plain && plain.length !== request.invoiceSize) throw sessionError(21402, 'Długość treści nie zgadza się z rozmiarem pliku.');
      if (plain && sha256Base64(plain) !== request.invoiceHash) throw sessionError(21403, 'Skrót treści nie zgadza się ze skrótem pliku.');

      const offlineMode = request.offlineMode ?? false;
      const invoice: SessionInvoiceRecord = {
        ordinalNumber: session.invoices.length + 1,
        referenceNumber: newReferenceNumber('EE', now),
        invoiceHash: request.invoiceHash,
        invoicingDate: now.toISOString(),
        status: plain ? invoiceStatus(100) : invoiceStatus(435, ['Nie udało się odszyfrować faktury kluczem sesji.']),
        offlineMode,
        ...(correctedHash ? { hashOfCorrectedInvoice: correctedHash } : {}),
      };
      session.invoices.push(invoice);
      runtime.touch(session);
      if (plain) {
        // Asynchronous like KSeF (202), but quick: the next turn of the event loop.
        const work = nextTurn().then(async () => {
          const result = await processInvoice(plain, {
            receivedAt: now,
            offlineMode,
            // Attachments are batch-only, except in a technical correction of an offline invoice (PROTOCOL §8).
            attachmentsAllowed: correctedHash !== undefined,
            schemaValidator: runtime.schemaValidator,
          });
          settleInvoice(runtime, session, invoice, plain, result);
        });
        runtime.track(session.referenceNumber, work);
      }
      return json(202, { referenceNumber: invoice.referenceNumber });
    }),
    { maxBodyBytes: MAX_SEND_BODY_BYTES },
  );

  router.post(
    '/sessions/online/{referenceNumber}/close',
    withAccess(deps, ONLINE_WRITE_PERMISSIONS, (ctx, access) => {
      const session = sessionForWrite(runtime, ctx.params.referenceNumber ?? '', access, 'Online');
      if (session.status.code !== 100) throw sessionError(21180, `Status sesji ${session.status.code} uniemożliwia jej zamknięcie.`);
      closeOnlineSession(runtime, session);
      return noContent();
    }),
  );
}
