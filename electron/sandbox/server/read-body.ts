import type { IncomingMessage } from 'node:http';
import { KsefApiError } from './errors';

/** Reads the whole body, refusing more than `maxBytes` (413) without buffering the excess. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBytes) {
      reject(new KsefApiError({ status: 413, detail: `Treść żądania przekracza ${maxBytes} B.` }));
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        req.removeAllListeners('data');
        reject(new KsefApiError({ status: 413, detail: `Treść żądania przekracza ${maxBytes} B.` }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
