/** Test-only helpers: locating the reference pack, filling the official invoice templates. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ksefPackDir } from '../../../test/helpers/ksef-pack';

export const packDir = ksefPackDir();
/** The FA(3) XSD ships with the app (in-process validator), so only the pack's samples can be missing. */
export const canValidateXsd = packDir !== undefined;

if (!packDir) console.warn('[invoices] KSeF reference pack not found (set KSEF_SCHEMA_DIR or place it at ../shared/ksef): pack-based tests are skipped.');

/** Placeholder values that make the official templates XSD-valid (pack README). */
const TEMPLATE_VALUES: Readonly<Record<string, string>> = {
  '#nip#': '5265877635',
  '#nipOdbiorca#': '7352765225',
  '#selfInvocingNip#': '7352765225',
  '#invoice_number#': '123',
  '#invoicing_date#': '2026-02-02',
};

export const INVOICE_TEMPLATES = [
  'ksef-client-csharp/invoice-template-fa-3.xml',
  'ksef-client-csharp/invoice-template-fa-3-with-attachment.xml',
  'ksef-client-csharp/invoice-template-fa-3-with-custom-Subject2.xml',
  'ksef-client-csharp/invoice-template-fa-3-with-custom-Subject3.xml',
  'ksef-client-java/invoice-template_v3.xml',
  'ksef-client-java/invoice_template_v3_self_invoicing.xml',
] as const;

export function filledTemplate(dir: string, template: string): string {
  let text = readFileSync(join(dir, 'samples', 'invoices', template), 'utf8');
  for (const [placeholder, value] of Object.entries(TEMPLATE_VALUES)) text = text.split(placeholder).join(value);
  return text;
}
