import { readFile, stat } from 'node:fs/promises';
import type { Invoice } from '../../../shared/domain/invoice/model';
import { readInvoiceXml } from '../../services/invoices/xml';
import { CliError } from '../output';

/** Invoice files above this size are refused (KSeF accepts at most 1 MB without and 3 MB with attachments). */
export const MAX_INVOICE_FILE_BYTES = 50 * 1024 * 1024;

export async function readInputFile(file: string): Promise<Buffer> {
  const size = await stat(file).then(
    (info) => (info.isFile() ? info.size : -1),
    () => -1,
  );
  if (size < 0) throw new CliError(`Cannot read ${file}`, 'INVALID_INPUT');
  if (size > MAX_INVOICE_FILE_BYTES) throw new CliError(`${file} is larger than 50 MiB`, 'FILE_TOO_LARGE');
  return readFile(file);
}

/** Reads an FA(3) XML file into the model; read errors become `CODE: message (line N)` CLI errors. */
export async function readInvoiceFile(file: string): Promise<Invoice> {
  const result = readInvoiceXml(await readInputFile(file));
  if (!result.ok) {
    const where = result.line !== undefined ? `:${result.line}` : '';
    throw new CliError(`${file}${where}: ${result.code}: ${result.message}`, result.code);
  }
  return result.invoice;
}
