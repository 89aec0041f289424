/** Maps Podmiot1/Podmiot2/Podmiot3 (and the shared address/contact/identifier types) onto the model. */
import { TAXPAYER_STATUSES, THIRD_PARTY_ROLES } from '../../../../shared/domain/invoice/codes';
import type { Address, Buyer, Contact, PartyIdentifier, Seller, ThirdParty } from '../../../../shared/domain/invoice/model';
import type { XmlElement } from './xml-parser';
import { Children, assignDefined, oneOf } from './read-support';

export function readAddress(element: XmlElement, path: string): Address;
export function readAddress(element: XmlElement | undefined, path: string): Address | undefined;
export function readAddress(element: XmlElement | undefined, path: string): Address | undefined {
  if (!element) return undefined;
  const children = new Children(element, path);
  const address: Address = { countryCode: children.requiredText('KodKraju'), line1: children.requiredText('AdresL1') };
  assignDefined(address, 'line2', children.text('AdresL2'));
  assignDefined(address, 'gln', children.text('GLN'));
  children.done();
  return address;
}

export function readContacts(elements: XmlElement[], path: string, emailTag = 'Email', phoneTag = 'Telefon'): Contact[] | undefined {
  if (elements.length === 0) return undefined;
  return elements.map((element) => {
    const children = new Children(element, path);
    const contact: Contact = {};
    assignDefined(contact, 'email', children.text(emailTag));
    assignDefined(contact, 'phone', children.text(phoneTag));
    children.done();
    return contact;
  });
}

/** TPodmiot2/TPodmiot3 DaneIdentyfikacyjne: the identifier choice and the optional name. */
export function readIdentification(element: XmlElement, path: string): { identifier: PartyIdentifier; name?: string } {
  const children = new Children(element, path);
  let identifier: PartyIdentifier;
  const nip = children.text('NIP');
  const internal = nip === undefined ? children.text('IDWew') : undefined;
  if (nip !== undefined) identifier = { type: 'NIP', value: nip };
  else if (internal !== undefined) identifier = { type: 'INTERNAL', value: internal };
  else if (children.has('KodUE')) {
    identifier = { type: 'EU_VAT', countryCode: children.requiredText('KodUE'), value: children.requiredText('NrVatUE') };
  } else if (children.has('NrID')) {
    identifier = { type: 'FOREIGN' };
    assignDefined(identifier, 'countryCode', children.text('KodKraju'));
    identifier.value = children.requiredText('NrID');
  } else {
    children.requiredText('BrakID');
    identifier = { type: 'NONE' };
  }
  const result: { identifier: PartyIdentifier; name?: string } = { identifier };
  assignDefined(result, 'name', children.text('Nazwa'));
  children.done();
  return result;
}

export function readSeller(element: XmlElement): Seller {
  const path = '/Faktura/Podmiot1';
  const children = new Children(element, path);
  const prefix = children.text('PrefiksPodatnika');
  const eori = children.text('NrEORI');
  const idElement = children.required('DaneIdentyfikacyjne');
  const id = new Children(idElement, `${path}/DaneIdentyfikacyjne`);
  const seller: Seller = {
    nip: id.requiredText('NIP'),
    name: id.requiredText('Nazwa'),
    address: readAddress(children.required('Adres'), `${path}/Adres`),
  };
  id.done();
  if (prefix !== undefined) seller.vatPrefix = prefix as 'PL';
  assignDefined(seller, 'eori', eori);
  assignDefined(seller, 'correspondenceAddress', readAddress(children.one('AdresKoresp'), `${path}/AdresKoresp`));
  assignDefined(seller, 'contacts', readContacts(children.all('DaneKontaktowe'), `${path}/DaneKontaktowe`));
  const status = children.one('StatusInfoPodatnika');
  if (status) seller.taxpayerStatus = oneOf(TAXPAYER_STATUSES, status.text.trim(), `${path}/StatusInfoPodatnika`, status.offset);
  assignDefined(seller, 'extra', children.rest());
  return seller;
}

export function readBuyer(element: XmlElement): Buyer {
  const path = '/Faktura/Podmiot2';
  const children = new Children(element, path);
  const eori = children.text('NrEORI');
  const { identifier, name } = readIdentification(children.required('DaneIdentyfikacyjne'), `${path}/DaneIdentyfikacyjne`);
  const buyer: Buyer = { identifier };
  assignDefined(buyer, 'eori', eori);
  assignDefined(buyer, 'name', name);
  assignDefined(buyer, 'address', readAddress(children.one('Adres'), `${path}/Adres`));
  assignDefined(buyer, 'correspondenceAddress', readAddress(children.one('AdresKoresp'), `${path}/AdresKoresp`));
  assignDefined(buyer, 'contacts', readContacts(children.all('DaneKontaktowe'), `${path}/DaneKontaktowe`));
  assignDefined(buyer, 'customerNumber', children.text('NrKlienta'));
  assignDefined(buyer, 'buyerId', children.text('IDNabywcy'));
  if (children.has('JST')) buyer.localGovernmentUnit = children.flag('JST');
  if (children.has('GV')) buyer.vatGroupMember = children.flag('GV');
  assignDefined(buyer, 'extra', children.rest());
  return buyer;
}

export function readThirdParty(element: XmlElement, position: number): ThirdParty {
  const path = `/Faktura/Podmiot3[${position}]`;
  const children = new Children(element, path);
  const buyerId = children.text('IDNabywcy');
  const eori = children.text('NrEORI');
  const { identifier, name } = readIdentification(children.required('DaneIdentyfikacyjne'), `${path}/DaneIdentyfikacyjne`);
  const party: ThirdParty = { identifier };
  assignDefined(party, 'buyerId', buyerId);
  assignDefined(party, 'eori', eori);
  assignDefined(party, 'name', name);
  assignDefined(party, 'address', readAddress(children.one('Adres'), `${path}/Adres`));
  assignDefined(party, 'correspondenceAddress', readAddress(children.one('AdresKoresp'), `${path}/AdresKoresp`));
  assignDefined(party, 'contacts', readContacts(children.all('DaneKontaktowe'), `${path}/DaneKontaktowe`));
  const role = children.one('Rola');
  if (role) party.role = oneOf(THIRD_PARTY_ROLES, role.text.trim(), `${path}/Rola`, role.offset);
  if (children.one('RolaInna')) party.otherRole = children.requiredText('OpisRoli');
  assignDefined(party, 'share', children.text('Udzial'));
  assignDefined(party, 'customerNumber', children.text('NrKlienta'));
  assignDefined(party, 'extra', children.rest());
  return party;
}
