/** Party blocks: Sprzedawca, Nabywca and every Podmiot3 with its role and share. */
import type { Address, Buyer, Contact, PartyIdentifier, Seller, ThirdParty } from '../invoice/model';
import { label, text, type DocField, type DocParty, type DocText } from './document';
import { formatDecimal } from './format';
import type { InvoiceDocumentLabel } from './labels.pl';

function field(key: InvoiceDocumentLabel, value: string | undefined): DocField[] {
  return value !== undefined && value.trim() !== '' ? [{ label: key, value: [text(value)] }] : [];
}

function flag(key: InvoiceDocumentLabel, value: boolean | undefined): DocField[] {
  return value ? [{ label: key, value: [label('yes')] }] : [];
}

export function addressLines(address: Address): string {
  const country = address.countryCode === 'PL' ? '' : `\n${address.countryCode}`;
  return [address.line1, address.line2].filter((line) => line && line.trim() !== '').join('\n') + country;
}

function addressFields(address: Address | undefined, correspondence: Address | undefined): DocField[] {
  return [
    ...(address ? [{ label: 'address' as const, value: [text(addressLines(address))] }] : []),
    ...field('gln', address?.gln),
    ...(correspondence ? [{ label: 'correspondenceAddress' as const, value: [text(addressLines(correspondence))] }] : []),
  ];
}

function contactFields(contacts: Contact[] | undefined): DocField[] {
  const list = contacts ?? [];
  return [
    ...field('email', list.map((contact) => contact.email).filter(Boolean).join(', ')),
    ...field('phone', list.map((contact) => contact.phone).filter(Boolean).join(', ')),
  ];
}

export function identifierFields(identifier: PartyIdentifier): DocField[] {
  switch (identifier.type) {
    case 'NIP':
      return field('nip', identifier.value);
    case 'EU_VAT':
      return field('euVat', `${identifier.countryCode ?? ''}${identifier.value ?? ''}`);
    case 'FOREIGN':
      return field('foreignId', [identifier.countryCode, identifier.value].filter(Boolean).join(' '));
    case 'INTERNAL':
      return field('internalId', identifier.value);
    case 'NONE':
      return [{ label: 'nip', value: [label('noIdentifier')] }];
  }
}

export function sellerParty(seller: Seller): DocParty {
  return {
    title: 'seller',
    fields: [
      ...field('name', seller.name),
      ...field('nip', seller.vatPrefix ? `${seller.vatPrefix} ${seller.nip}` : seller.nip),
      ...addressFields(seller.address, seller.correspondenceAddress),
      ...contactFields(seller.contacts),
      ...field('eori', seller.eori),
      ...(seller.taxpayerStatus ? [{ label: 'taxpayerStatus' as const, value: [label(`status${seller.taxpayerStatus}`)] }] : []),
    ],
  };
}

export function buyerParty(buyer: Buyer): DocParty {
  return {
    title: 'buyer',
    fields: [
      ...field('name', buyer.name),
      ...identifierFields(buyer.identifier),
      ...addressFields(buyer.address, buyer.correspondenceAddress),
      ...contactFields(buyer.contacts),
      ...field('eori', buyer.eori),
      ...field('customerNumber', buyer.customerNumber),
      ...field('buyerId', buyer.buyerId),
      ...flag('localGovernmentUnit', buyer.localGovernmentUnit),
      ...flag('vatGroupMember', buyer.vatGroupMember),
    ],
  };
}

function roleText(party: ThirdParty): DocText[] {
  if (party.role) return [label(`role${party.role}`)];
  if (party.otherRole) return [text(party.otherRole)];
  return [];
}

export function thirdPartyBlock(party: ThirdParty): DocParty {
  const role = roleText(party);
  return {
    title: 'thirdParty',
    ...(role.length > 0 ? { subtitle: role } : {}),
    fields: [
      ...field('name', party.name),
      ...identifierFields(party.identifier),
      ...addressFields(party.address, party.correspondenceAddress),
      ...contactFields(party.contacts),
      ...field('eori', party.eori),
      ...field('share', party.share !== undefined ? `${formatDecimal(party.share)}%` : undefined),
      ...field('customerNumber', party.customerNumber),
      ...field('buyerId', party.buyerId),
    ],
  };
}
