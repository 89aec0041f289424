/** FA(3) XML for `Zamowienie` (the order an advance invoice is for). */
import type { Order } from '../../../../shared/domain/invoice/model';
import { leaf, markerLeaf, optionalLeaf } from './xml-text';

export function orderXml(order: Order | undefined): string {
  if (!order) return '';
  let lines = '';
  order.lines.forEach((line, index) => {
    lines += `<ZamowienieWiersz>${leaf('NrWierszaZam', String(line.lineNumber ?? index + 1))}${optionalLeaf('UU_IDZ', line.uuid)}${optionalLeaf(
      'P_7Z',
      line.name,
    )}${optionalLeaf('IndeksZ', line.index)}${optionalLeaf('GTINZ', line.gtin)}${optionalLeaf('PKWiUZ', line.pkwiu)}${optionalLeaf(
      'CNZ',
      line.cn,
    )}${optionalLeaf('PKOBZ', line.pkob)}${optionalLeaf('P_8AZ', line.unit)}${optionalLeaf('P_8BZ', line.quantity)}${optionalLeaf(
      'P_9AZ',
      line.unitNetPrice,
    )}${optionalLeaf('P_11NettoZ', line.netTotal)}${optionalLeaf('P_11VatZ', line.vatTotal)}${optionalLeaf('P_12Z', line.rate)}${optionalLeaf(
      'P_12Z_XII',
      line.ossRate,
    )}${markerLeaf('P_12Z_Zal_15', line.annex15)}${optionalLeaf('GTUZ', line.gtu)}${optionalLeaf('ProceduraZ', line.procedure)}${optionalLeaf(
      'KwotaAkcyzyZ',
      line.exciseAmount,
    )}${markerLeaf('StanPrzedZ', line.beforeCorrection)}</ZamowienieWiersz>`;
  });
  return `<Zamowienie>${leaf('WartoscZamowienia', order.value)}${lines}</Zamowienie>`;
}
