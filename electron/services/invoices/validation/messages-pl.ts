/** Polish wording for libxml2's schema and parser messages (namespaces already removed), by message kind. */

type Rule = [RegExp, (match: RegExpExecArray, element: string) => string];

const list = (names: string): string => names.split(',').map((name) => name.trim()).join(', ');

const SCHEMA_RULES: Rule[] = [
  [/This element is not expected\. Expected is \( ([^)]*) \)/, (m, e) => `Element ${e} jest w tym miejscu nieoczekiwany; oczekiwano elementu ${list(m[1]!)}.`],
  [/This element is not expected\. Expected is one of \( ([^)]*) \)/, (m, e) => `Element ${e} jest w tym miejscu nieoczekiwany; oczekiwano jednego z elementów: ${list(m[1]!)}.`],
  [/This element is not expected\./, (_m, e) => `Element ${e} jest w tym miejscu niedozwolony.`],
  [/Missing child element\(s\)\. Expected is \( ([^)]*) \)/, (m, e) => `W elemencie ${e} brakuje wymaganego elementu ${list(m[1]!)}.`],
  [/Missing child element\(s\)\. Expected is one of \( ([^)]*) \)/, (m, e) => `W elemencie ${e} brakuje jednego z wymaganych elementów: ${list(m[1]!)}.`],
  [/No matching global declaration available for the validation root/, (_m, e) => `Element główny ${e} nie należy do schematu FA(3) – sprawdź przestrzeń nazw (xmlns).`],
  [/\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern/, (m, e) => `Wartość „${m[1]}” w polu ${e} ma niedozwolony format.`],
  [/\[facet 'enumeration'\] The value '(.*)' is not an element of the set/, (m, e) => `Wartość „${m[1]}” w polu ${e} nie należy do dozwolonych wartości.`],
  [/\[facet 'minInclusive'\] The value '(.*)' is less than the minimum value allowed \('(.*)'\)/, (m, e) => `Wartość „${m[1]}” w polu ${e} jest mniejsza niż dopuszczalne minimum ${m[2]}.`],
  [/\[facet 'maxInclusive'\] The value '(.*)' is greater than the maximum value allowed \('(.*)'\)/, (m, e) => `Wartość „${m[1]}” w polu ${e} jest większa niż dopuszczalne maksimum ${m[2]}.`],
  [/\[facet 'minExclusive'\] The value '(.*)' must be greater than '(.*)'/, (m, e) => `Wartość „${m[1]}” w polu ${e} musi być większa niż ${m[2]}.`],
  [/\[facet 'maxExclusive'\] The value '(.*)' must be less than '(.*)'/, (m, e) => `Wartość „${m[1]}” w polu ${e} musi być mniejsza niż ${m[2]}.`],
  [/\[facet 'totalDigits'\] The value '(.*)' has more digits than are allowed \('(\d+)'\)/, (m, e) => `Wartość „${m[1]}” w polu ${e} ma więcej cyfr niż dozwolone ${m[2]}.`],
  [/\[facet 'fractionDigits'\] The value '(.*)' has more fractional digits than are allowed \('(\d+)'\)/, (m, e) => `Wartość „${m[1]}” w polu ${e} ma więcej cyfr po przecinku niż dozwolone ${m[2]}.`],
  [/\[facet 'maxLength'\] The value has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'/, (m, e) => `Wartość w polu ${e} jest za długa (${m[1]} znaków, dozwolone najwyżej ${m[2]}).`],
  [/\[facet 'minLength'\] The value has a length of '(\d+)'; this underruns the allowed minimum length of '(\d+)'/, (m, e) => `Wartość w polu ${e} jest za krótka (${m[1]} znaków, wymagane co najmniej ${m[2]}).`],
  [/\[facet 'length'\] The value has a length of '(\d+)'; this differs from the allowed length of '(\d+)'/, (m, e) => `Wartość w polu ${e} musi mieć dokładnie ${m[2]} znaków (ma ${m[1]}).`],
  [/'(.*)' is not a valid value of the (?:local )?(?:atomic|list|union) type/, (m, e) => `Wartość „${m[1]}” w polu ${e} ma niepoprawny typ lub format.`],
  [/attribute '([^']*)': The attribute '[^']*' is not allowed/, (m, e) => `Atrybut ${m[1]} jest niedozwolony w elemencie ${e}.`],
  [/The attribute '([^']*)' is required but missing/, (m, e) => `W elemencie ${e} brakuje wymaganego atrybutu ${m[1]}.`],
  [/does not match the fixed value constraint '(.*)'/, (m, e) => `Element ${e} musi mieć wartość ${m[1]}.`],
  [/Character content other than whitespace is not allowed/, (_m, e) => `Element ${e} nie może zawierać tekstu, tylko inne elementy.`],
  [/Element content is not allowed, because the content type is a simple type/, (_m, e) => `Element ${e} może zawierać tylko wartość, nie inne elementy.`],
  [/The value '(.*)' is not valid/, (m, e) => `Wartość „${m[1]}” w polu ${e} jest niepoprawna.`],
];

const PARSER_RULES: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [/Document is empty/, () => 'Dokument jest pusty.'],
  [/Start tag expected, '<' not found/, () => 'To nie jest dokument XML (brak znacznika początkowego).'],
  [/Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)/, (m) => `Znacznik zamykający ${m[3]} nie pasuje do otwartego elementu ${m[1]} (wiersz ${m[2]}).`],
  [/Premature end of data in tag (\S+)/, (m) => `Dokument urywa się w elemencie ${m[1]}.`],
  [/Extra content at the end of the document/, () => 'Po zakończeniu elementu głównego jest dodatkowa treść.'],
  [/Namespace prefix (\S+) .* is not defined/, (m) => `Prefiks przestrzeni nazw ${m[1]} nie jest zadeklarowany.`],
  [/invalid character|PCDATA invalid Char value|Char 0x[0-9A-F]+ out of allowed range/i, () => 'Dokument zawiera znak niedozwolony w XML.'],
];

/** Polish sentence for a schema error about `element`; falls back to a generic one naming the element. */
export function polishSchemaMessage(message: string, element: string): string {
  for (const [pattern, render] of SCHEMA_RULES) {
    const match = pattern.exec(message);
    if (match) return render(match, element || 'dokumentu');
  }
  return element ? `Element ${element} nie spełnia wymagań schematu FA(3).` : 'Dokument nie spełnia wymagań schematu FA(3).';
}

/** Polish sentence for an XML syntax (well-formedness) error. */
export function polishParserMessage(message: string): string {
  for (const [pattern, render] of PARSER_RULES) {
    const match = pattern.exec(message);
    if (match) return `Błąd składni XML: ${render(match)}`;
  }
  return `Błąd składni XML: ${message}`;
}
