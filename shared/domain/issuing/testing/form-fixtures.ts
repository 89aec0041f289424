/** Shared test data for issuing: one seller, one buyer, one line and a filled form, each with overrides. */
import { blankSellerProfile } from '../seller-profile';
import { emptyIssueForm, type FormBuyer, type FormLine, type IssueFormValues, type SellerProfile, type ContractorInput, type ProductInput } from '../../../ipc/channels/issue';

/** A series id that parses as a UUID; tests that do not number invoices need no real series. */
export const TEST_SERIES_ID = '00000000-0000-4000-8000-000000000000';
export const TEST_SELLER_NIP = '5265877635';
export const TEST_BUYER_NIP = '7171642051';

export function testSeller(overrides: Partial<SellerProfile> = {}): SellerProfile {
  return {
    ...blankSellerProfile(TEST_SELLER_NIP, 'Kowalski Usługi'),
    address: { line1: 'ul. Prosta 1', line2: '00-001 Warszawa', countryCode: 'PL' },
    ...overrides,
  };
}

/** Two hours of a service at 150 net, 23 %: 300.00 net, 369.00 gross. */
export function testLine(overrides: Partial<FormLine> = {}): FormLine {
  return { productId: null, name: 'Usługa', quantity: '2', unit: 'h', unitPrice: '150', rate: '23', discount: '', pkwiu: '', gtu: '', annex15: false, ...overrides };
}

/** A Polish company buyer with a valid NIP and an address. */
export function testBuyer(overrides: Partial<FormBuyer> = {}): FormBuyer {
  return {
    ...emptyIssueForm().buyer,
    identifier: TEST_BUYER_NIP,
    name: 'Nowak Handel',
    address: { line1: 'ul. Długa 5', line2: '30-001 Kraków', countryCode: 'PL' },
    ...overrides,
  };
}

/** A VAT invoice form issued 2026-03-09 to {@link testBuyer} with one {@link testLine}. */
export function testForm(overrides: Partial<IssueFormValues> = {}): IssueFormValues {
  return { ...emptyIssueForm(), seriesId: TEST_SERIES_ID, issueDate: '2026-03-09', buyer: testBuyer(), lines: [testLine()], ...overrides };
}

/** A contractors-book entry as the editor saves it: the test buyer with an e-mail. */
export function testContractor(overrides: Partial<ContractorInput> = {}): ContractorInput {
  return {
    identifierType: 'NIP',
    identifier: TEST_BUYER_NIP,
    identifierCountry: '',
    name: 'Nowak Handel',
    address: { line1: 'ul. Długa 5', line2: '30-001 Kraków', countryCode: 'PL' },
    email: 'biuro@nowak.pl',
    ...overrides,
  };
}

/** A products-list entry: a consultation hour at 1234.50 net, 23 %. */
export function testProduct(overrides: Partial<ProductInput> = {}): ProductInput {
  return { name: 'Konsultacja', unit: 'h', priceMode: 'net', price: '1234.50', rate: '23', pkwiu: '', gtu: '', annex15: false, ...overrides };
}
