/** Maps `Zamowienie` (the order an advance invoice is for) onto the model. */
import { GTU_CODES, ORDER_LINE_PROCEDURES, VAT_RATES } from '../../../../shared/domain/invoice/codes';
import type { Order, OrderLine } from '../../../../shared/domain/invoice/model';
import { Children, assignDefined, oneOf } from './read-support';
import type { XmlElement } from './xml-parser';

function readOrderLine(element: XmlElement, path: string): OrderLine {
  const c = new Children(element, path);
  const line: OrderLine = {};
  const lineNumber = c.text('NrWierszaZam');
  if (lineNumber !== undefined) line.lineNumber = Number(lineNumber);
  assignDefined(line, 'uuid', c.text('UU_IDZ'));
  assignDefined(line, 'name', c.text('P_7Z'));
  assignDefined(line, 'index', c.text('IndeksZ'));
  assignDefined(line, 'gtin', c.text('GTINZ'));
  assignDefined(line, 'pkwiu', c.text('PKWiUZ'));
  assignDefined(line, 'cn', c.text('CNZ'));
  assignDefined(line, 'pkob', c.text('PKOBZ'));
  assignDefined(line, 'unit', c.text('P_8AZ'));
  assignDefined(line, 'quantity', c.text('P_8BZ'));
  assignDefined(line, 'unitNetPrice', c.text('P_9AZ'));
  assignDefined(line, 'netTotal', c.text('P_11NettoZ'));
  assignDefined(line, 'vatTotal', c.text('P_11VatZ'));
  assignDefined(line, 'rate', oneOf(VAT_RATES, c.text('P_12Z'), `${path}/P_12Z`, element.offset));
  assignDefined(line, 'ossRate', c.text('P_12Z_XII'));
  assignDefined(line, 'annex15', c.marker('P_12Z_Zal_15'));
  assignDefined(line, 'gtu', oneOf(GTU_CODES, c.text('GTUZ'), `${path}/GTUZ`, element.offset));
  assignDefined(line, 'procedure', oneOf(ORDER_LINE_PROCEDURES, c.text('ProceduraZ'), `${path}/ProceduraZ`, element.offset));
  assignDefined(line, 'exciseAmount', c.text('KwotaAkcyzyZ'));
  assignDefined(line, 'beforeCorrection', c.marker('StanPrzedZ'));
  c.done();
  return line;
}

export function readOrder(element: XmlElement | undefined): Order | undefined {
  if (!element) return undefined;
  const path = '/Faktura/Fa/Zamowienie';
  const c = new Children(element, path);
  const order: Order = {
    value: c.requiredText('WartoscZamowienia'),
    lines: c.all('ZamowienieWiersz').map((line, index) => readOrderLine(line, `${path}/ZamowienieWiersz[${index + 1}]`)),
  };
  c.done();
  return order;
}
