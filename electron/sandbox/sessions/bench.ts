/**
 * Throughput benchmark of the session pipeline over real HTTP: one online session with `onlineCount` invoices
 * and one batch of `batchCount` invoices, each timed until every invoice is processed.
 * Run: node --import tsx -e "import('./electron/sandbox/sessions/bench.ts').then(m => m.benchSessions({onlineCount:200,batchCount:1000})).then(console.log)"
 * FA(3) XSD validation is always on; `schemaDir` (or KSEF_SCHEMA_DIR) swaps in the KSeF pack's schema copy.
 */
import { startSandbox, type RunningSandbox } from '../index';
import { warsawDateOf } from '../invoices/warsaw-time';
import { batchOpenBody, buildTestInvoice, ClientSessionKey, encryptParts, FA3_FORM_CODE, loginWithToken, publishedKey, sendInvoiceBody, zipInvoices } from './client-kit';

export interface BenchOptions {
  onlineCount: number;
  batchCount?: number;
  schemaDir?: string;
}

const CONTEXT = { type: 'Nip', value: '5265877635' } as const;
/** Online sends in flight at once, like a client with a small connection pool. */
const ONLINE_CONCURRENCY = 16;
const MAX_PART_PLAIN_BYTES = 100_000_000;

async function request(method: string, url: string, bearer: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

interface SessionProgress {
  status: { code: number };
  successfulInvoiceCount?: number;
  failedInvoiceCount?: number;
}

async function waitUntil(sandbox: RunningSandbox, bearer: string, reference: string, done: (s: SessionProgress) => boolean): Promise<SessionProgress> {
  for (;;) {
    const status = (await request('GET', `${sandbox.baseUrl}/sessions/${reference}`, bearer)) as SessionProgress;
    if (done(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function invoicesFor(prefix: string, count: number): { name: string; xml: Buffer }[] {
  const issueDate = warsawDateOf(new Date());
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix}-${String(i + 1).padStart(5, '0')}.xml`,
    xml: buildTestInvoice({ sellerNip: CONTEXT.value, invoiceNumber: `${prefix}/${i + 1}`, issueDate }),
  }));
}

async function benchOnline(sandbox: RunningSandbox, bearer: string, count: number): Promise<number> {
  const certificate = await publishedKey(sandbox.baseUrl, 'SymmetricKeyEncryption');
  const key = new ClientSessionKey();
  const bodies = invoicesFor(`ONLINE-${Date.now()}`, count).map((file) => sendInvoiceBody(key, file.xml));
  const started = performance.now();
  const session = (await request('POST', `${sandbox.baseUrl}/sessions/online`, bearer, {
    formCode: FA3_FORM_CODE,
    encryption: key.encryptionInfo(certificate.certificate, certificate.publicKeyId),
  })) as { referenceNumber: string };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const body = bodies[next++];
      await request('POST', `${sandbox.baseUrl}/sessions/online/${session.referenceNumber}/invoices`, bearer, body);
    }
  };
  await Promise.all(Array.from({ length: Math.min(ONLINE_CONCURRENCY, count) }, worker));
  const final = await waitUntil(sandbox, bearer, session.referenceNumber, (s) => (s.successfulInvoiceCount ?? 0) + (s.failedInvoiceCount ?? 0) >= count);
  const seconds = (performance.now() - started) / 1000;
  if ((final.failedInvoiceCount ?? 0) > 0) throw new Error(`online bench: ${final.failedInvoiceCount} invoices failed`);
  await request('POST', `${sandbox.baseUrl}/sessions/online/${session.referenceNumber}/close`, bearer);
  return count / seconds;
}

async function benchBatch(sandbox: RunningSandbox, bearer: string, count: number): Promise<number> {
  const certificate = await publishedKey(sandbox.baseUrl, 'SymmetricKeyEncryption');
  const key = new ClientSessionKey();
  const archive = zipInvoices(invoicesFor(`BATCH-${Date.now()}`, count));
  const parts = encryptParts(key, archive, Math.max(1, Math.ceil(archive.length / MAX_PART_PLAIN_BYTES)));
  const started = performance.now();
  const batch = (await request('POST', `${sandbox.baseUrl}/sessions/batch`, bearer, batchOpenBody(key, certificate, archive, parts))) as {
    referenceNumber: string;
    partUploadRequests: { ordinalNumber: number; method: string; url: string; headers: Record<string, string> }[];
  };
  await Promise.all(
    batch.partUploadRequests.map(async (upload) => {
      const part = parts[upload.ordinalNumber - 1];
      const response = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: part?.bytes ?? null });
      if (response.status !== 201) throw new Error(`upload of part ${upload.ordinalNumber} → ${response.status}`);
    }),
  );
  await request('POST', `${sandbox.baseUrl}/sessions/batch/${batch.referenceNumber}/close`, bearer);
  const final = await waitUntil(sandbox, bearer, batch.referenceNumber, (s) => s.status.code !== 100 && s.status.code !== 150);
  const seconds = (performance.now() - started) / 1000;
  if (final.status.code !== 200 || (final.failedInvoiceCount ?? 0) > 0) {
    throw new Error(`batch bench ended with status ${final.status.code}, ${final.failedInvoiceCount ?? 0} failed`);
  }
  return count / seconds;
}

export async function benchSessions(options: BenchOptions): Promise<{ onlinePerSecond: number; batchPerSecond: number }> {
  const schemaDir = options.schemaDir ?? process.env.KSEF_SCHEMA_DIR;
  const sandbox = await startSandbox({ limits: 'off', ...(schemaDir ? { schemaDir } : {}) });
  try {
    const bearer = await loginWithToken(sandbox, CONTEXT);
    const onlinePerSecond = await benchOnline(sandbox, bearer, options.onlineCount);
    const batchPerSecond = await benchBatch(sandbox, bearer, options.batchCount ?? 10_000);
    return { onlinePerSecond: Math.round(onlinePerSecond * 10) / 10, batchPerSecond: Math.round(batchPerSecond * 10) / 10 };
  } finally {
    await sandbox.close();
  }
}
