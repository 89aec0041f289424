/** Shared helpers of the retrieval integration tests: spec-checked metadata queries and invoice downloads. */
import { expect } from 'vitest';
import type { RunningSandbox } from '../../../electron/sandbox/index';
import type { InvoiceMetadataJson } from '../../../electron/sandbox/retrieval';
import { expectRequestMatchesSpec, expectResponseMatchesSpec } from '../../helpers/openapi-checks';
import { callChecked, type ApiResponse } from '../../helpers/sandbox-http';

export interface MetadataPage {
  hasMore: boolean;
  isTruncated: boolean;
  permanentStorageHwmDate?: string;
  invoices: InvoiceMetadataJson[];
}

export type QueryFilters = Record<string, unknown> & { subjectType: string; dateRange: Record<string, unknown> };

export async function queryMetadata(
  sandbox: RunningSandbox,
  bearer: string,
  filters: QueryFilters,
  params: Record<string, string | number> = {},
  checkRequest = true,
): Promise<ApiResponse> {
  // Dates without an offset are documented (Warsaw local time) but fail the spec's own `date-time` format.
  if (checkRequest) expectRequestMatchesSpec('POST', '/invoices/query/metadata', filters);
  const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return callChecked(sandbox.baseUrl, 'POST', `/invoices/query/metadata${query ? `?${query}` : ''}`, '/invoices/query/metadata', { bearer, body: filters });
}

export async function queryPage(sandbox: RunningSandbox, bearer: string, filters: QueryFilters, params: Record<string, string | number> = {}): Promise<MetadataPage> {
  const response = await queryMetadata(sandbox, bearer, filters, params);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as MetadataPage;
}

/** Every row of a filter set that stays under the row cap, following hasMore page by page. */
export async function queryAll(sandbox: RunningSandbox, bearer: string, filters: QueryFilters, sortOrder: 'Asc' | 'Desc' = 'Asc'): Promise<InvoiceMetadataJson[]> {
  const rows: InvoiceMetadataJson[] = [];
  for (let pageOffset = 0; ; pageOffset++) {
    const page = await queryPage(sandbox, bearer, filters, { pageOffset, pageSize: 250, sortOrder });
    expect(page.isTruncated).toBe(false);
    rows.push(...page.invoices);
    if (!page.hasMore) return rows;
  }
}

export function errorCodesOf(response: ApiResponse): number[] {
  const body = response.body as { exception?: { exceptionDetailList: { exceptionCode: number }[] } };
  return body.exception?.exceptionDetailList.map((detail) => detail.exceptionCode) ?? [];
}

export interface Download {
  status: number;
  bytes: Buffer;
  hashHeader: string | null;
  body: unknown;
}

/** Raw download (bytes must be compared exactly, so no text decoding), checked against the spec. */
export async function downloadInvoice(sandbox: RunningSandbox, bearer: string, ksefNumber: string): Promise<Download> {
  const response = await fetch(`${sandbox.baseUrl}/invoices/ksef/${ksefNumber}`, { headers: { authorization: `Bearer ${bearer}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  const body: unknown = contentType.includes('json') ? JSON.parse(bytes.toString('utf8')) : bytes.toString('utf8');
  expectResponseMatchesSpec('GET', '/invoices/ksef/{ksefNumber}', response.status, body, contentType);
  return { status: response.status, bytes, hashHeader: response.headers.get('x-ms-meta-hash'), body };
}

export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString();
}
