import type { SellerProfile } from '../../ipc/channels/issue';

/** What a company's profile is before the user fills it in: its NIP and the name from the companies list. */
export function blankSellerProfile(nip: string, name: string): SellerProfile {
  return {
    nip,
    name,
    address: { line1: '', line2: '', countryCode: 'PL' },
    email: '',
    phone: '',
    bankAccounts: [],
    krs: '',
    regon: '',
    bdo: '',
    defaultPaymentDays: 14,
    defaultPaymentMethod: '6',
    defaultPlaceOfIssue: '',
  };
}
