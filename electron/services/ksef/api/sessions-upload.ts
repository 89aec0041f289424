/**
 * Batch part upload to the presigned URLs KSeF hands out (PROTOCOL §6): the given method and headers, the raw
 * encrypted bytes, NO Authorization, not rate-limited, several parts at once. A PUT of the same bytes is
 * harmless to repeat, so broken connections and 5xx are retried.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { KsefApiError, KsefNetworkError } from '../http/errors';
import { systemTime, type KsefTime } from '../time';
import type { PartUploadRequest } from './sessions-models';

export interface UploadablePart {
  ordinalNumber: number;
  size: number;
  /** A fresh stream of the encrypted bytes (called again on every attempt). */
  open(): Readable;
}

export interface UploadOptions {
  concurrency?: number;
  attempts?: number;
  time?: KsefTime;
  timeoutMs?: number;
  onUploaded?: (ordinalNumber: number) => void;
}

function putOnce(target: PartUploadRequest, part: UploadablePart, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const url = new URL(target.url);
    const headers: Record<string, string> = { 'content-length': String(part.size) };
    for (const [name, value] of Object.entries(target.headers ?? {})) if (value !== null && value !== undefined) headers[name] = value;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: target.method || 'PUT', headers, timeout: timeoutMs }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(new KsefApiError({ httpStatus: status, details: [Buffer.concat(chunks).toString('utf8').slice(0, 500)], message: `part ${part.ordinalNumber} upload: HTTP ${status}` }));
      });
      res.on('error', (error) => reject(new KsefNetworkError('ECONNRESET', error.message, true)));
    });
    req.on('timeout', () => req.destroy(new Error('upload timed out')));
    req.on('error', (error: NodeJS.ErrnoException) => reject(new KsefNetworkError(error.code ?? 'ERR_NETWORK', error.message, true)));
    const body = part.open();
    body.on('error', (error) => req.destroy(error));
    body.pipe(req);
  });
}

const retryable = (error: unknown): boolean => error instanceof KsefNetworkError || (error instanceof KsefApiError && error.httpStatus >= 500);

async function uploadWithRetry(target: PartUploadRequest, part: UploadablePart, options: Required<Omit<UploadOptions, 'onUploaded'>>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await putOnce(target, part, options.timeoutMs);
      return;
    } catch (error) {
      if (!retryable(error) || attempt >= options.attempts) throw error;
      await options.time.sleep(Math.min(8_000, 250 * 2 ** attempt));
    }
  }
}

/** Uploads every part to its URL, `concurrency` at a time; the first failure that is not retryable stops the rest. */
export async function uploadBatchParts(targets: readonly PartUploadRequest[], parts: readonly UploadablePart[], options: UploadOptions = {}): Promise<void> {
  const settings = { concurrency: options.concurrency ?? 4, attempts: options.attempts ?? 5, time: options.time ?? systemTime, timeoutMs: options.timeoutMs ?? 300_000 };
  const queue = parts.map((part) => {
    const target = targets.find((t) => t.ordinalNumber === part.ordinalNumber);
    if (!target) throw new Error(`KSeF gave no upload URL for part ${part.ordinalNumber}`);
    return { target, part };
  });
  let failed: unknown;
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next && failed === undefined; next = queue.shift()) {
      try {
        await uploadWithRetry(next.target, next.part, settings);
        options.onUploaded?.(next.part.ordinalNumber);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(settings.concurrency, queue.length)) }, worker));
  if (failed !== undefined) throw failed instanceof Error ? failed : new Error(String(failed));
}
