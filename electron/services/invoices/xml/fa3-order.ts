/**
 * Child element order of the FA(3) containers that can carry preserved (untyped) elements. The writer
 * merges typed output and preserved elements by these positions, so the result follows the XSD sequence.
 * Names inside a choice are listed in schema order; a name appears once per container.
 */

const ORDER = {
  Faktura: ['Naglowek', 'Podmiot1', 'Podmiot2', 'Podmiot3', 'PodmiotUpowazniony', 'Fa', 'Stopka', 'Zalacznik'],
  Podmiot1: [
    'PrefiksPodatnika', 'NrEORI', 'DaneIdentyfikacyjne', 'Adres', 'AdresKoresp', 'DaneKontaktowe', 'StatusInfoPodatnika',
  ],
  Podmiot2: [
    'NrEORI', 'DaneIdentyfikacyjne', 'Adres', 'AdresKoresp', 'DaneKontaktowe', 'NrKlienta', 'IDNabywcy', 'JST', 'GV',
  ],
  Podmiot3: [
    'IDNabywcy', 'NrEORI', 'DaneIdentyfikacyjne', 'Adres', 'AdresKoresp', 'DaneKontaktowe', 'Rola', 'RolaInna', 'OpisRoli',
    'Udzial', 'NrKlienta',
  ],
  Fa: [
    'KodWaluty', 'P_1', 'P_1M', 'P_2', 'WZ', 'P_6', 'OkresFa',
    'P_13_1', 'P_14_1', 'P_14_1W', 'P_13_2', 'P_14_2', 'P_14_2W', 'P_13_3', 'P_14_3', 'P_14_3W', 'P_13_4', 'P_14_4', 'P_14_4W',
    'P_13_5', 'P_14_5', 'P_13_6_1', 'P_13_6_2', 'P_13_6_3', 'P_13_7', 'P_13_8', 'P_13_9', 'P_13_10', 'P_13_11', 'P_15',
    'KursWalutyZ', 'Adnotacje', 'RodzajFaktury', 'PrzyczynaKorekty', 'TypKorekty', 'DaneFaKorygowanej', 'OkresFaKorygowanej',
    'NrFaKorygowany', 'Podmiot1K', 'Podmiot2K', 'P_15ZK', 'KursWalutyZK', 'ZaliczkaCzesciowa', 'FP', 'TP', 'DodatkowyOpis',
    'FakturaZaliczkowa', 'ZwrotAkcyzy', 'FaWiersz', 'Rozliczenie', 'Platnosc', 'WarunkiTransakcji', 'Zamowienie',
  ],
  Adnotacje: ['P_16', 'P_17', 'P_18', 'P_18A', 'Zwolnienie', 'NoweSrodkiTransportu', 'P_23', 'PMarzy'],
  FaWiersz: [
    'NrWierszaFa', 'UU_ID', 'P_6A', 'P_7', 'Indeks', 'GTIN', 'PKWiU', 'CN', 'PKOB', 'P_8A', 'P_8B', 'P_9A', 'P_9B', 'P_10',
    'P_11', 'P_11A', 'P_11Vat', 'P_12', 'P_12_XII', 'P_12_Zal_15', 'KwotaAkcyzy', 'GTU', 'Procedura', 'KursWaluty', 'StanPrzed',
  ],
  Platnosc: [
    'Zaplacono', 'DataZaplaty', 'ZnacznikZaplatyCzesciowej', 'ZaplataCzesciowa', 'TerminPlatnosci', 'FormaPlatnosci',
    'PlatnoscInna', 'OpisPlatnosci', 'RachunekBankowy', 'RachunekBankowyFaktora', 'Skonto', 'LinkDoPlatnosci', 'IPKSeF',
  ],
  Stopka: ['Informacje', 'Rejestry'],
} as const;

export type PreservingContainer = keyof typeof ORDER;

const POSITIONS: Record<PreservingContainer, Map<string, number>> = Object.fromEntries(
  Object.entries(ORDER).map(([container, names]) => [container, new Map(names.map((name, index) => [name, index]))]),
) as Record<PreservingContainer, Map<string, number>>;

/** Position of a child in its container's sequence; unknown names sort last. */
export function childPosition(container: PreservingContainer, name: string): number {
  return POSITIONS[container].get(name) ?? Number.MAX_SAFE_INTEGER;
}
