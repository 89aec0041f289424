/** KSeF invoice status codes (PROTOCOL §7) in the user's words; the outbox keeps KSeF's own text beside them. */
export const outboxPl = {
  ksefInvoiceStatus: {
    '100': 'Faktura przyjęta do dalszego przetwarzania',
    '150': 'Trwa przetwarzanie faktury',
    '200': 'Faktura przyjęta — nadano numer KSeF',
    '405': 'Przetwarzanie anulowane z powodu błędu sesji',
    '410': 'Brak uprawnień do wystawienia faktury w imieniu tego sprzedawcy',
    '415': 'Załączniki nie są dozwolone (włącz je w e-Urzędzie Skarbowym albo wyślij wsadowo)',
    '420': 'Przekroczono limit faktur w sesji',
    '430': 'Faktura niezgodna ze schematem FA(3)',
    '435': 'Nie udało się odszyfrować faktury',
    '440': 'Duplikat — faktura o tym numerze została już przyjęta w KSeF',
    '445': 'Sesja nie zawiera żadnej poprawnej faktury',
    '450': 'Błąd weryfikacji semantyki faktury',
    '500': 'Nieznany błąd KSeF — spróbuj ponownie',
    '550': 'Przetwarzanie przerwane przez KSeF — spróbuj ponownie',
    other: 'KSeF odrzucił fakturę (kod {{code}})',
  },
};
