import type { TFunction } from 'i18next';
import { INVOICE_READ_ERROR_CODES, type InvoiceReadErrorCode } from '../../../shared/domain/invoice/read-errors';
import type { ImportedFileResult } from '../../../shared/ipc/channels/outbox';

type FileProblem = NonNullable<ImportedFileResult['error']>[number];

const isReadErrorCode = (code: string): code is InvoiceReadErrorCode => (INVOICE_READ_ERROR_CODES as readonly string[]).includes(code);

/**
 * One line per problem of a refused file: where (line, element) and what, in the user's language. The reader's
 * codes have their own words; the validator's findings carry a Polish message; anything else shows main's text.
 */
export function describeFileProblems(problems: readonly FileProblem[], t: TFunction, language: string): string {
  return problems
    .map((problem) => {
      const words = isReadErrorCode(problem.code)
        ? t(`invoiceDocument.readErrors.${problem.code}`)
        : language.startsWith('pl') && problem.messagePl
          ? problem.messagePl
          : problem.message;
      const where = [problem.line !== null ? t('sent.problemLine', { line: problem.line }) : '', problem.path ?? ''].filter(Boolean).join(' ');
      return where ? `${where}: ${words}` : words;
    })
    .join('; ');
}
