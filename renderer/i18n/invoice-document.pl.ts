import type { InvoiceReadErrorCode } from '../../shared/domain/invoice/read-errors';
import type { InvoiceRuleCode } from '../../shared/domain/invoice/rules';

/** Words for the FA(3) reader's error codes and the invoice business-rule codes (shared/domain/invoice). */
export const invoiceDocumentPl = {
  invoiceDocument: {
    readErrors: {
      EMPTY_FILE: 'Plik jest pusty.',
      MALFORMED_XML: 'To nie jest poprawny plik XML (albo nie jest zapisany w UTF-8).',
      UNSUPPORTED_XML: 'Ten plik XML ma konstrukcje, których nie obsługujemy (DOCTYPE, kodowanie inne niż UTF-8 lub zbyt głębokie zagnieżdżenie).',
      NOT_FA3: 'To nie jest faktura w schemacie FA(3) (np. FA(2) albo UPO).',
      INVALID_FA3: 'Faktura FA(3) ma niepoprawną strukturę: brakuje wymaganego elementu albo wartość jest spoza słownika.',
    } satisfies Record<InvoiceReadErrorCode, string>,
    rules: {
      SELLER_NIP_CHECKSUM: 'NIP sprzedawcy ma błędną cyfrę kontrolną.',
      BUYER_NIP_CHECKSUM: 'NIP nabywcy ma błędną cyfrę kontrolną.',
      BANK_ACCOUNT_INVALID: 'Numer rachunku nie jest poprawnym numerem IBAN/NRB.',
      SPLIT_PAYMENT_REQUIRED: 'Faktura powyżej 15 000 zł brutto z towarami lub usługami z załącznika nr 15 wymaga oznaczenia „mechanizm podzielonej płatności”.',
      CORRECTION_DATA_MISSING: 'Faktura korygująca musi wskazywać korygowaną fakturę.',
      CORRECTION_DATA_UNEXPECTED: 'Dane korygowanej faktury podaje się tylko na fakturze korygującej.',
      SUMMARY_MISMATCH: 'Podsumowanie (P_13/P_14/P_15) nie zgadza się z sumą pozycji.',
      LINE_WITHOUT_RATE: 'Pozycja nie ma stawki VAT.',
      EXCHANGE_RATE_MISSING: 'Przy walucie obcej podaj kurs waluty, aby wykazać VAT w złotych.',
      EXEMPTION_BASIS_MISSING: 'Przy sprzedaży zwolnionej podaj podstawę zwolnienia.',
      REVERSE_CHARGE_NOT_ANNOTATED: 'Przy odwrotnym obciążeniu zaznacz adnotację „odwrotne obciążenie”.',
      SALE_PERIOD_REVERSED: 'Koniec okresu sprzedaży jest wcześniejszy niż jego początek.',
      NO_LINES: 'Faktura musi mieć co najmniej jedną pozycję.',
      ISSUE_DATE_IN_FUTURE: 'Data wystawienia nie może być późniejsza niż dzień wysłania do KSeF.',
    } satisfies Record<InvoiceRuleCode, string>,
  },
};
