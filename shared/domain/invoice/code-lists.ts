/**
 * Code lists of the FA(3) schema set, as plain values (etd:TKodKraju from KodyKrajow_v10-0E.xsd,
 * TKodWaluty and TKodyKrajowUE from schemat_FA(3)_v1-0E.xsd). The writer only emits values from these lists,
 * so the XML stays valid by construction.
 */

/** etd:TKodKraju (254 codes). */
export const COUNTRY_CODES: readonly string[] = [
  'AF', 'AX', 'AL', 'DZ', 'AD', 'AO', 'AI', 'AQ', 'AG', 'AN', 'SA', 'AR', 'AM', 'AW', 'AU', 'AT', 'AZ', 'BS', 'BH',
  'BD', 'BB', 'BE', 'BZ', 'BJ', 'BM', 'BT', 'BY', 'BO', 'BQ', 'BA', 'BW', 'BR', 'BN', 'IO', 'BG', 'BF', 'BI', 'XC',
  'CL', 'CN', 'HR', 'CW', 'CY', 'TD', 'ME', 'DK', 'DM', 'DO', 'DJ', 'EG', 'EC', 'ER', 'EE', 'ET', 'FK', 'FJ', 'PH',
  'FI', 'FR', 'TF', 'GA', 'GM', 'GH', 'GI', 'GR', 'GD', 'GL', 'GE', 'GU', 'GG', 'GY', 'GF', 'GP', 'GT', 'GN', 'GQ',
  'GW', 'HT', 'ES', 'HN', 'HK', 'IN', 'ID', 'IQ', 'IR', 'IE', 'IS', 'IL', 'JM', 'JP', 'YE', 'JE', 'JO', 'KY', 'KH',
  'CM', 'CA', 'QA', 'KZ', 'KE', 'KG', 'KI', 'CO', 'KM', 'CG', 'CD', 'KP', 'XK', 'CR', 'CU', 'KW', 'LA', 'LS', 'LB',
  'LR', 'LY', 'LI', 'LT', 'LV', 'LU', 'MK', 'MG', 'YT', 'MO', 'MW', 'MV', 'MY', 'ML', 'MT', 'MP', 'MA', 'MQ', 'MR',
  'MU', 'MX', 'XL', 'FM', 'UM', 'MD', 'MC', 'MN', 'MS', 'MZ', 'MM', 'NA', 'NR', 'NP', 'NL', 'DE', 'NE', 'NG', 'NI',
  'NU', 'NF', 'NO', 'NC', 'NZ', 'PS', 'OM', 'PK', 'PW', 'PA', 'PG', 'PY', 'PE', 'PN', 'PF', 'PL', 'GS', 'PT', 'PR',
  'CF', 'CZ', 'KR', 'ZA', 'RE', 'RU', 'RO', 'RW', 'EH', 'BL', 'KN', 'LC', 'MF', 'VC', 'SV', 'WS', 'AS', 'SM', 'SN',
  'RS', 'SC', 'SL', 'SG', 'SK', 'SI', 'SO', 'LK', 'PM', 'US', 'SZ', 'SD', 'SS', 'SR', 'SJ', 'SH', 'SY', 'CH', 'SE',
  'TJ', 'TH', 'TW', 'TZ', 'TG', 'TK', 'TO', 'TT', 'TN', 'TR', 'TM', 'TV', 'UG', 'UA', 'UY', 'UZ', 'VU', 'WF', 'VA',
  'HU', 'VE', 'GB', 'VN', 'IT', 'TL', 'CI', 'BV', 'CX', 'IM', 'SX', 'CK', 'VI', 'VG', 'HM', 'CC', 'MH', 'FO', 'SB',
  'ST', 'TC', 'ZM', 'CV', 'ZW', 'AE', 'XI',
];

/** TKodWaluty (182 codes). */
export const CURRENCY_CODES: readonly string[] = [
  'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF',
  'BMD', 'BND', 'BOB', 'BOV', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHE', 'CHF', 'CHW', 'CLF',
  'CLP', 'CNY', 'COP', 'COU', 'CRC', 'CUC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB',
  'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GGP', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HRK', 'HTG',
  'HUF', 'IDR', 'ILS', 'IMP', 'INR', 'IQD', 'IRR', 'ISK', 'JEP', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF',
  'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK',
  'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MXV', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD',
  'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR',
  'SDG', 'SEK', 'SGD', 'SHP', 'SLL', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND',
  'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'USN', 'UYI', 'UYU', 'UYW', 'UZS', 'VES', 'VND', 'VUV',
  'WST', 'XAF', 'XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XCD', 'XCG', 'XDR', 'XOF', 'XPD', 'XPF', 'XPT', 'XSU',
  'XUA', 'XXX', 'YER', 'ZAR', 'ZMW', 'ZWL',
];

/** TKodyKrajowUE: EU member states for KodUE (EL for Greece, XI for Northern Ireland). */
export const EU_COUNTRY_CODES: readonly string[] = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'EL', 'HR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'XI',
];

const countrySet = new Set(COUNTRY_CODES);
const currencySet = new Set(CURRENCY_CODES);
const euSet = new Set(EU_COUNTRY_CODES);

export const isCountryCode = (value: string): boolean => countrySet.has(value);
export const isCurrencyCode = (value: string): boolean => currencySet.has(value);
export const isEuCountryCode = (value: string): boolean => euSet.has(value);
