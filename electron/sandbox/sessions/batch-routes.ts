/** Batch sessions: open with declared parts, upload through presigned URLs, close to start processing (PROTOCOL §6). */
import { z } from 'zod';
import { withAccess } from '../auth/request-auth';
import { parseJsonBody } from '../server/body';
import { json, noContent, type Router } from '../server/router';
import { sessionForWrite } from './access';
import { startBatchProcessing } from './batch-processing';
import { encryptionSchema, formCodeSchema, requireFa3FormCode, sha256Base64String, unwrapSessionKey } from './encryption';
import { sessionError } from './errors';
import { BATCH_WRITE_PERMISSIONS, openSession } from './open-session';
import { presignUrl } from './presign';
import { ONLINE_SESSION_LIFETIME_MS, UPLOAD_WINDOW_PER_PART_MS, type SessionRuntime } from './runtime';
import { UPLOAD_TIME_EXCEEDED, sessionStatus } from './statuses';
import type { BatchDeclaration } from './types';
import { uploadPath } from './upload-handler';

export const MAX_BATCH_PARTS = 50;
/** 100 MB of plain archive per part; AES-CBC padding adds up to 16 bytes to the declared (encrypted) size. */
export const MAX_PART_BYTES = 100_000_000 + 16;
export const MAX_ARCHIVE_BYTES = 5_000_000_000;

// Counts and sizes are checked by hand so that they get their own codes (21161, 21157) instead of 21405.
const openBatchSchema = z.object({
  formCode: formCodeSchema,
  batchFile: z.object({
    fileSize: z.number().int().min(1),
    fileHash: sha256Base64String,
    compressionType: z.enum(['Zip', 'TarGz']).nullish(),
    fileParts: z.array(z.object({ ordinalNumber: z.number().int().min(1), fileSize: z.number().int().min(1), fileHash: sha256Base64String })).min(1),
  }),
  encryption: encryptionSchema,
  offlineMode: z.boolean().nullish(),
});

type BatchFileRequest = z.infer<typeof openBatchSchema>['batchFile'];

function checkDeclaredParts(batchFile: BatchFileRequest): void {
  const parts = batchFile.fileParts;
  if (parts.length > MAX_BATCH_PARTS) throw sessionError(21161, `Liczba części ${parts.length} przekracza limit ${MAX_BATCH_PARTS}.`);
  const tooLarge = parts.find((p) => p.fileSize > MAX_PART_BYTES);
  if (tooLarge) throw sessionError(21157, `Część ${tooLarge.ordinalNumber} ma rozmiar ${tooLarge.fileSize} B; limit to 100 000 000 B.`);
  if (batchFile.fileSize > MAX_ARCHIVE_BYTES) throw sessionError(21405, 'batchFile.fileSize: paczka nie może przekraczać 5 000 000 000 B.');
  const ordinals = parts.map((p) => p.ordinalNumber).sort((a, b) => a - b);
  if (ordinals.some((ordinal, index) => ordinal !== index + 1)) {
    throw sessionError(21405, 'batchFile.fileParts: numery części muszą być kolejnymi liczbami od 1.');
  }
}

export function registerBatchSessionRoutes(router: Router, runtime: SessionRuntime): void {
  const { deps } = runtime;

  router.post(
    '/sessions/batch',
    withAccess(deps, BATCH_WRITE_PERMISSIONS, (ctx, access) => {
      const request = parseJsonBody(ctx, openBatchSchema);
      requireFa3FormCode(request.formCode);
      checkDeclaredParts(request.batchFile);
      const now = runtime.now();
      const key = unwrapSessionKey(deps, request.encryption, now);
      const parts = [...request.batchFile.fileParts].sort((a, b) => a.ordinalNumber - b.ordinalNumber);
      const uploadDeadline = new Date(now.getTime() + UPLOAD_WINDOW_PER_PART_MS * parts.length);
      const batch: BatchDeclaration = {
        fileSize: request.batchFile.fileSize,
        fileHash: request.batchFile.fileHash,
        compressionType: request.batchFile.compressionType ?? 'Zip',
        parts: parts.map(({ ordinalNumber, fileSize, fileHash }) => ({ ordinalNumber, fileSize, fileHash })),
        uploadDeadline: uploadDeadline.toISOString(),
      };
      const validUntil = new Date(now.getTime() + ONLINE_SESSION_LIFETIME_MS);
      const session = openSession(runtime, { type: 'Batch', access, key, validUntil, offlineMode: request.offlineMode ?? false, batch });
      const partUploadRequests = parts.map((part) => ({
        ordinalNumber: part.ordinalNumber,
        method: 'PUT',
        url: presignUrl(runtime.presignKey, ctx.baseUrl, uploadPath(session.referenceNumber, part.ordinalNumber), uploadDeadline).url,
        headers: { 'x-ms-blob-type': 'BlockBlob' },
      }));
      return json(201, { referenceNumber: session.referenceNumber, partUploadRequests });
    }),
  );

  router.post(
    '/sessions/batch/{referenceNumber}/close',
    withAccess(deps, BATCH_WRITE_PERMISSIONS, (ctx, access) => {
      const session = sessionForWrite(runtime, ctx.params.referenceNumber ?? '', access, 'Batch');
      if (session.status.code !== 100 || !session.batch) {
        throw sessionError(21180, `Status sesji ${session.status.code} uniemożliwia jej zamknięcie.`);
      }
      if (runtime.now().getTime() > Date.parse(session.batch.uploadDeadline)) {
        session.status = sessionStatus('Batch', 440, UPLOAD_TIME_EXCEEDED);
        runtime.dropParts(session.referenceNumber);
        runtime.touch(session);
        throw sessionError(21208, 'Sesja anulowana, przekroczony czas wysyłki.');
      }
      const uploaded = runtime.partsOf(session.referenceNumber);
      for (const part of session.batch.parts) {
        const bytes = uploaded.get(part.ordinalNumber);
        if (!bytes) throw sessionError(21205, `Nie przesłano zadeklarowanej '${part.ordinalNumber}' części pliku.`);
        if (bytes.length !== part.fileSize) {
          throw sessionError(21157, `Zadeklarowany rozmiar części '${part.ordinalNumber}' nie zgadza się z rzeczywistym.`);
        }
      }
      startBatchProcessing(runtime, session);
      return noContent();
    }),
  );
}
