/** Word lists for seeded invoices: Polish names and addresses (with diacritics on purpose) and typical goods. */

/** FA(3) `P_12` rates the generator uses. */
export type SeedVatRate = '23' | '8' | '5' | '0 KR' | 'zw';

export interface SeedProduct {
  name: string;
  unit: string;
  rate: SeedVatRate;
  /** Price range in grosze; quantities with fractions are used for `kg`/`l`/`m`. */
  minPriceGrosze: number;
  maxPriceGrosze: number;
}

export const COMPANY_NAMES = [
  'Przedsiębiorstwo Handlowe „Łęcki” sp. z o.o.',
  'Żółta Łódź S.A.',
  'Hurtownia Ślężańska Bożena Wójcik',
  'Źródło Zdrowia s.c. Józef i Małgorzata Nowaczyńscy',
  'Zakład Usług Ogólnobudowlanych Ściana Grzegorz Bąk-Mećwaldowski',
  'Pracownia Ćwiczeń Żaneta Kołodziej',
  'Świętokrzyskie Młyny Zbożowe sp. j.',
  'Gęślarz Instrumenty Muzyczne sp. z o.o.',
  'Drukarnia Kraśnik – Jędrzej Żak',
  'Łódzkie Zakłady Tekstylne „Włókniarz” S.A.',
  'Biuro Rachunkowe Ewa Gałązka-Dębska',
  'Pszczółka Miód i Wosk sp. z o.o.',
  'Transport Międzynarodowy Źrebiec & Syn',
  'Śnieżka Serwis Komputerowy Łukasz Ćwik',
] as const;

export const STREETS = [
  'ul. Świętokrzyska',
  'ul. Źródlana',
  'al. Jerozolimskie',
  'ul. Żeromskiego',
  'ul. Łąkowa',
  'ul. Ogrodowa',
  'ul. Mickiewicza',
  'ul. Gęsia',
  'os. Tysiąclecia',
  'ul. Bohaterów Września',
] as const;

export const CITIES = [
  '00-950 Warszawa',
  '30-001 Kraków',
  '80-001 Gdańsk',
  '50-001 Wrocław',
  '61-001 Poznań',
  '90-001 Łódź',
  '20-001 Lublin',
  '15-001 Białystok',
  '25-001 Kielce',
  '35-001 Rzeszów',
  '87-100 Toruń',
  '58-500 Jelenia Góra',
  '82-300 Elbląg',
  '63-400 Ostrów Wielkopolski',
] as const;

export const PRODUCTS: readonly SeedProduct[] = [
  { name: 'Usługa księgowa za miesiąc', unit: 'usł.', rate: '23', minPriceGrosze: 30_000, maxPriceGrosze: 250_000 },
  { name: 'Papier ksero A4 80 g/m²', unit: 'ryza', rate: '23', minPriceGrosze: 1_500, maxPriceGrosze: 3_500 },
  { name: 'Śruby nierdzewne M8 (op. 100 szt.)', unit: 'op.', rate: '23', minPriceGrosze: 2_000, maxPriceGrosze: 9_000 },
  { name: 'Olej napędowy', unit: 'l', rate: '23', minPriceGrosze: 550, maxPriceGrosze: 750 },
  { name: 'Przewód miedziany YDY 3×2,5', unit: 'm', rate: '23', minPriceGrosze: 300, maxPriceGrosze: 900 },
  { name: 'Naprawa gwarancyjna — robocizna', unit: 'godz.', rate: '23', minPriceGrosze: 8_000, maxPriceGrosze: 20_000 },
  { name: 'Usługa gastronomiczna (catering)', unit: 'usł.', rate: '8', minPriceGrosze: 20_000, maxPriceGrosze: 400_000 },
  { name: 'Nocleg w pokoju dwuosobowym', unit: 'doba', rate: '8', minPriceGrosze: 18_000, maxPriceGrosze: 60_000 },
  { name: 'Książka „Pan Tadeusz”', unit: 'szt.', rate: '5', minPriceGrosze: 2_500, maxPriceGrosze: 6_000 },
  { name: 'Chleb żytni na zakwasie', unit: 'szt.', rate: '5', minPriceGrosze: 600, maxPriceGrosze: 1_400 },
  { name: 'Jabłka Ligol', unit: 'kg', rate: '5', minPriceGrosze: 250, maxPriceGrosze: 700 },
  { name: 'Szkolenie BHP — ćwiczenia praktyczne', unit: 'os.', rate: 'zw', minPriceGrosze: 8_000, maxPriceGrosze: 30_000 },
  { name: 'Usługa transportu międzynarodowego', unit: 'km', rate: '0 KR', minPriceGrosze: 300, maxPriceGrosze: 900 },
];

export const CORRECTION_REASONS = [
  'Udzielony rabat potransakcyjny',
  'Błędna cena jednostkowa na fakturze pierwotnej',
  'Zwrot części towaru (reklamacja)',
  'Zmniejszenie ilości — niepełna dostawa',
] as const;

/** Units whose quantities may carry fractions (TIlosci allows up to 6 decimals). */
export const FRACTIONAL_UNITS: ReadonlySet<string> = new Set(['kg', 'l', 'm', 'godz.']);
