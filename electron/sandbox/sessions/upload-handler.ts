/**
 * The presigned part-upload URLs of batch sessions, served outside /v2 like KSeF's blob storage:
 * `PUT /__sandbox/upload/{sessionRef}/{ordinal}?se=…&sig=…`, header `x-ms-blob-type: BlockBlob`, no Bearer → 201.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../server/read-body';
import type { PresignedHandler } from '../server/router';
import { PRESIGNED_PREFIX, verifyPresigned } from './presign';
import type { SessionRuntime } from './runtime';

const UPLOAD_PATH = new RegExp(`^${PRESIGNED_PREFIX}/upload/([0-9A-Z-]{36})/(\\d{1,2})$`);
/** Declared part sizes are capped at 100 000 016 B at open; anything bigger cannot match at close anyway. */
const MAX_UPLOAD_BYTES = 100_000_016;

export function uploadPath(sessionReference: string, ordinalNumber: number): string {
  return `${PRESIGNED_PREFIX}/upload/${sessionReference}/${ordinalNumber}`;
}

/** Blob-storage style plain answers: these URLs are not part of the KSeF API surface. */
function reply(res: ServerResponse, status: number, detail?: string): void {
  const body = detail ? JSON.stringify({ title: detail, status }) : '';
  res.writeHead(status, detail ? { 'content-type': 'application/json; charset=utf-8' } : {});
  res.end(body);
}

export function createUploadHandler(runtime: SessionRuntime): PresignedHandler {
  return async (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<boolean> => {
    const match = UPLOAD_PATH.exec(path);
    if (!match) return false;
    const [, sessionReference = '', ordinalText = ''] = match;
    if (req.method !== 'PUT') {
      reply(res, 405, 'Only PUT is supported.');
      return true;
    }
    verifyPresigned(runtime.presignKey, path, query, runtime.now());
    if (req.headers['x-ms-blob-type'] !== 'BlockBlob') {
      reply(res, 400, 'Missing required header x-ms-blob-type: BlockBlob.');
      return true;
    }
    const session = runtime.sessions[sessionReference];
    const ordinalNumber = Number(ordinalText);
    if (!session?.batch?.parts.some((p) => p.ordinalNumber === ordinalNumber)) {
      reply(res, 404, 'Unknown upload target.');
      return true;
    }
    const body = await readBody(req, MAX_UPLOAD_BYTES);
    if (session.status.code !== 100) {
      reply(res, 400, `Session status ${session.status.code} does not accept uploads.`);
      return true;
    }
    runtime.storePart(sessionReference, ordinalNumber, body);
    runtime.touch(session);
    reply(res, 201);
    return true;
  };
}
