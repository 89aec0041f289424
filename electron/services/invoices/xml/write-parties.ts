/** FA(3) XML for the parties: Podmiot1 (seller), Podmiot2 (buyer), Podmiot3 (third parties). */
import type { Address, Buyer, Contact, PartyIdentifier, Seller, ThirdParty } from '../../../../shared/domain/invoice/model';
import { OrderedContent, choice12, leaf, optionalLeaf } from './xml-text';

export function addressXml(name: string, address: Address | undefined): string {
  if (!address) return '';
  return `<${name}>${leaf('KodKraju', address.countryCode)}${leaf('AdresL1', address.line1)}${optionalLeaf(
    'AdresL2',
    address.line2,
  )}${optionalLeaf('GLN', address.gln)}</${name}>`;
}

export function contactsXml(contacts: readonly Contact[] | undefined, emailTag = 'Email', phoneTag = 'Telefon'): string {
  if (!contacts) return '';
  let out = '';
  for (const contact of contacts) {
    out += `<DaneKontaktowe>${optionalLeaf(emailTag, contact.email)}${optionalLeaf(phoneTag, contact.phone)}</DaneKontaktowe>`;
  }
  return out;
}

/** The TPodmiot2/TPodmiot3 identifier choice followed by the optional name. */
export function identificationXml(identifier: PartyIdentifier, name: string | undefined): string {
  let id: string;
  switch (identifier.type) {
    case 'NIP':
      id = leaf('NIP', identifier.value ?? '');
      break;
    case 'INTERNAL':
      id = leaf('IDWew', identifier.value ?? '');
      break;
    case 'EU_VAT':
      id = leaf('KodUE', identifier.countryCode ?? '') + leaf('NrVatUE', identifier.value ?? '');
      break;
    case 'FOREIGN':
      id = optionalLeaf('KodKraju', identifier.countryCode) + leaf('NrID', identifier.value ?? '');
      break;
    case 'NONE':
      id = '<BrakID>1</BrakID>';
      break;
  }
  return `<DaneIdentyfikacyjne>${id}${optionalLeaf('Nazwa', name)}</DaneIdentyfikacyjne>`;
}

export function sellerXml(seller: Seller): string {
  const content = new OrderedContent('Podmiot1', seller.extra)
    .addLeaf('PrefiksPodatnika', seller.vatPrefix)
    .addLeaf('NrEORI', seller.eori)
    .add('DaneIdentyfikacyjne', `<DaneIdentyfikacyjne>${leaf('NIP', seller.nip)}${leaf('Nazwa', seller.name)}</DaneIdentyfikacyjne>`)
    .add('Adres', addressXml('Adres', seller.address))
    .add('AdresKoresp', addressXml('AdresKoresp', seller.correspondenceAddress))
    .add('DaneKontaktowe', contactsXml(seller.contacts))
    .addLeaf('StatusInfoPodatnika', seller.taxpayerStatus)
    .finish();
  return `<Podmiot1>${content}</Podmiot1>`;
}

export function buyerXml(buyer: Buyer): string {
  const content = new OrderedContent('Podmiot2', buyer.extra)
    .addLeaf('NrEORI', buyer.eori)
    .add('DaneIdentyfikacyjne', identificationXml(buyer.identifier, buyer.name))
    .add('Adres', addressXml('Adres', buyer.address))
    .add('AdresKoresp', addressXml('AdresKoresp', buyer.correspondenceAddress))
    .add('DaneKontaktowe', contactsXml(buyer.contacts))
    .addLeaf('NrKlienta', buyer.customerNumber)
    .addLeaf('IDNabywcy', buyer.buyerId)
    .addLeaf('JST', choice12(buyer.localGovernmentUnit))
    .addLeaf('GV', choice12(buyer.vatGroupMember))
    .finish();
  return `<Podmiot2>${content}</Podmiot2>`;
}

export function thirdPartyXml(party: ThirdParty): string {
  const content = new OrderedContent('Podmiot3', party.extra)
    .addLeaf('IDNabywcy', party.buyerId)
    .addLeaf('NrEORI', party.eori)
    .add('DaneIdentyfikacyjne', identificationXml(party.identifier, party.name))
    .add('Adres', addressXml('Adres', party.address))
    .add('AdresKoresp', addressXml('AdresKoresp', party.correspondenceAddress))
    .add('DaneKontaktowe', contactsXml(party.contacts))
    .addLeaf('Rola', party.role)
    .add('RolaInna', party.otherRole === undefined ? '' : `<RolaInna>1</RolaInna>${leaf('OpisRoli', party.otherRole)}`)
    .addLeaf('Udzial', party.share)
    .addLeaf('NrKlienta', party.customerNumber)
    .finish();
  return `<Podmiot3>${content}</Podmiot3>`;
}
