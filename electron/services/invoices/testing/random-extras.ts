/**
 * Random, schema-valid FA(3) sections the model keeps as preserved XML (WarunkiTransakcji, Zamowienie,
 * Zalacznik, PodmiotUpowazniony, NoweSrodkiTransportu): they prove that untyped elements survive a round trip.
 */
import type { XmlNode } from '../../../../shared/domain/invoice/model';
import { phrase, type Random } from './prng';

const leaf = (name: string, text: string): XmlNode => ({ name, text });
const node = (name: string, children: (XmlNode | undefined)[]): XmlNode => ({
  name,
  children: children.filter((child): child is XmlNode => child !== undefined),
});

function address(random: Random, name: string): XmlNode {
  return node(name, [leaf('KodKraju', random.pick(['PL', 'DE', 'CZ'])), leaf('AdresL1', phrase(random)), random.maybe(0.5, () => leaf('AdresL2', phrase(random)))]);
}

export function randomNip(random: Random): string {
  for (;;) {
    const first = `${random.int(1, 9)}${random.int(1, 9)}${random.int(1, 9)}${random.digits(6)}`;
    let sum = 0;
    [6, 5, 7, 2, 3, 4, 5, 6, 7].forEach((weight, index) => {
      sum += weight * Number(first[index]);
    });
    if (sum % 11 !== 10) return `${first}${sum % 11}`;
  }
}

export function randomTransactionTerms(random: Random): XmlNode {
  return node('WarunkiTransakcji', [
    random.maybe(0.7, () => node('Umowy', [leaf('DataUmowy', random.date(2020, 2026)), leaf('NrUmowy', phrase(random, 30))])),
    random.maybe(0.7, () => node('Zamowienia', [leaf('DataZamowienia', random.date(2020, 2026)), leaf('NrZamowienia', random.digits(7))])),
    random.maybe(0.5, () => leaf('NrPartiiTowaru', `${random.digits(6)}/2026`)),
    random.maybe(0.5, () => leaf('WarunkiDostawy', random.pick(['CIP', 'EXW', 'DAP']))),
    ...(random.chance(0.3) ? [leaf('KursUmowny', random.decimal(6, 4)), leaf('WalutaUmowna', random.pick(['EUR', 'USD']))] : []),
    random.maybe(0.6, () =>
      node('Transport', [
        leaf('RodzajTransportu', String(random.pick([1, 2, 3, 4, 5, 7, 8]))),
        random.maybe(0.6, () =>
          node('Przewoznik', [
            node('DaneIdentyfikacyjne', [leaf('NIP', randomNip(random)), leaf('Nazwa', phrase(random))]),
            address(random, 'AdresPrzewoznika'),
          ]),
        ),
        random.maybe(0.5, () => leaf('NrZleceniaTransportu', random.digits(5))),
        leaf('OpisLadunku', String(random.int(1, 20))),
        random.maybe(0.5, () => leaf('JednostkaOpakowania', phrase(random, 20))),
        random.maybe(0.5, () => leaf('DataGodzRozpTransportu', `${random.date(2025, 2026)}T08:00:00Z`)),
        random.maybe(0.5, () => address(random, 'WysylkaZ')),
        random.maybe(0.3, () => address(random, 'WysylkaPrzez')),
        random.maybe(0.5, () => address(random, 'WysylkaDo')),
      ]),
    ),
    random.maybe(0.3, () => leaf('PodmiotPosredniczacy', '1')),
  ]);
}

export function randomAttachment(random: Random): XmlNode {
  const columns = random.int(1, 4);
  const types = ['txt', 'date', 'dec', 'int', 'time', 'datetime'];
  const table = node('Tabela', [
    random.maybe(0.5, () => node('TMetaDane', [leaf('TKlucz', phrase(random, 20)), leaf('TWartosc', phrase(random, 20))])),
    random.maybe(0.5, () => leaf('Opis', phrase(random))),
    node(
      'TNaglowek',
      Array.from({ length: columns }, () => ({ name: 'Kol', attributes: { Typ: random.pick(types) }, children: [leaf('NKom', phrase(random, 20))] })),
    ),
    ...Array.from({ length: random.int(1, 3) }, () =>
      node('Wiersz', Array.from({ length: columns }, () => (random.chance(0.2) ? { name: 'WKom' } : leaf('WKom', random.digits(3))))),
    ),
    random.maybe(0.5, () => node('Suma', Array.from({ length: columns }, () => leaf('SKom', random.digits(4))))),
  ]);
  return node('Zalacznik', [
    node('BlokDanych', [
      random.maybe(0.5, () => leaf('ZNaglowek', phrase(random))),
      node('MetaDane', [leaf('ZKlucz', phrase(random, 30)), leaf('ZWartosc', phrase(random, 30))]),
      random.maybe(0.5, () => node('Tekst', [leaf('Akapit', phrase(random)), leaf('Akapit', phrase(random))])),
      random.maybe(0.7, () => table),
    ]),
  ]);
}

export function randomAuthorizedEntity(random: Random): XmlNode {
  return node('PodmiotUpowazniony', [
    random.maybe(0.3, () => leaf('NrEORI', `PL${random.digits(10)}`)),
    node('DaneIdentyfikacyjne', [leaf('NIP', randomNip(random)), leaf('Nazwa', phrase(random))]),
    address(random, 'Adres'),
    random.maybe(0.5, () => node('DaneKontaktowe', [leaf('EmailPU', 'pu@example.pl'), leaf('TelefonPU', random.digits(9))])),
    leaf('RolaPU', String(random.int(1, 3))),
  ]);
}

export function randomNewTransportMeans(random: Random): XmlNode {
  const vehicle = (index: number) =>
    node('NowySrodekTransportu', [
      leaf('P_22A', random.date(2025, 2026)),
      leaf('P_NrWierszaNST', String(index)),
      random.maybe(0.5, () => leaf('P_22BMK', 'Fiat')),
      ...(random.chance(0.5)
        ? [leaf('P_22B', `${random.int(1, 9000)} km`), ...(random.chance(0.5) ? [leaf('P_22B1', random.digits(17))] : [])]
        : random.chance(0.5)
          ? [leaf('P_22C', `${random.int(1, 900)} h`)]
          : [leaf('P_22D', `${random.int(1, 900)} h`), leaf('P_22D1', random.digits(6))]),
    ]);
  return node('NoweSrodkiTransportu', [leaf('P_22', '1'), leaf('P_42_5', random.pick(['1', '2'])), vehicle(1), ...(random.chance(0.3) ? [vehicle(2)] : [])]);
}
