/** ExceptionDescription texts for 400 codes, as listed in the spec's 400 response tables. */
const DESCRIPTIONS: Record<number, string> = {
  9101: 'Nieprawidłowy dokument.',
  9102: 'Brak podpisu.',
  9103: 'Przekroczona liczba dozwolonych podpisów.',
  9105: 'Nieprawidłowy podpis.',
  21001: 'Nieczytelna treść.',
  21111: 'Nieprawidłowe wyzwanie autoryzacyjne.',
  21115: 'Nieprawidłowy certyfikat.',
  21117: 'Nieprawidłowy identyfikator podmiotu dla wskazanego typu kontekstu.',
  21217: 'Nieprawidłowe kodowanie znaków.',
  21301: 'Brak autoryzacji.',
  21304: 'Brak uwierzytelnienia.',
  21308: 'Próba wykorzystania metod autoryzacyjnych osoby zmarłej.',
  21401: 'Dokument nie jest zgodny ze schemą (xsd).',
  21405: 'Błąd walidacji danych wejściowych.',
  21406: 'Konflikt podpisu i typu uwierzytelnienia.',
  21418: 'Przekazany token kontynuacji ma nieprawidłowy format.',
  21470: 'Przesłany identyfikator klucza jest nieznany lub wskazuje na wycofany klucz.',
  30001: 'Podmiot lub uprawnienie już istnieje.',
};

export function exceptionDescription(code: number): string {
  return DESCRIPTIONS[code] ?? 'Błąd przetwarzania żądania.';
}
