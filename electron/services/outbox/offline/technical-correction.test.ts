import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../storage/database';
import { OFFLINE_MIGRATIONS } from './offline-schema';
import { OfflineStore } from './offline-store';
import { TechnicalCorrectionService, type CorrectionOutboxPort } from './technical-correction';

const rejectedXml = '<Faktura><Podmiot1><NIP>1111111111</NIP></Podmiot1><Fa><P_1>2026-03-05</P_1><P_2>FV/1</P_2><P_15>123.00</P_15><Bad/></Fa></Faktura>';
const fixedXml = rejectedXml.replace('<Bad/>', '');
const hashOf = (text: string) => createHash('sha256').update(text).digest('base64');

let db: SqliteDatabase;
afterEach(() => db?.close());

function setup(original: { state: string; statusCode: number | null; offlineMode: boolean } | null) {
  db = openDatabase(':memory:', OFFLINE_MIGRATIONS);
  const sent: { originalId: string; xml: string; hash: string }[] = [];
  const stillCounting = new Set<string>();
  const outbox: CorrectionOutboxPort = {
    rejection: async () => original,
    xml: async () => Buffer.from(rejectedXml),
    sendTechnicalCorrection: async (originalId, xml, hash) => {
      sent.push({ originalId, xml: xml.toString(), hash });
      stillCounting.add(hashOf(xml.toString()));
      return { id: `corr-${sent.length}` };
    },
    correctionStillCounts: async (hash) => stillCounting.has(hash),
  };
  const service = new TechnicalCorrectionService({ outbox, store: new OfflineStore(() => db), clock: { now: () => new Date('2026-03-06T10:00:00Z') } });
  return { service, sent, stillCounting };
}

describe('TechnicalCorrectionService', () => {
  it('sends the fixed file with the hash of the rejected one, once', async () => {
    const { service, sent, stillCounting } = setup({ state: 'rejected', statusCode: 430, offlineMode: true });
    expect(await service.preview('o-1', fixedXml)).toEqual({ allowed: true, differences: [] });
    expect(await service.send('o-1', fixedXml, false)).toEqual({ id: 'corr-1' });
    expect(sent).toEqual([{ originalId: 'o-1', xml: fixedXml, hash: hashOf(rejectedXml) }]);
    // A second correction while the first counts is refused here, before KSeF says 21166.
    const again = fixedXml.replace('FV/1', 'FV/1').replace('<Fa>', '<Fa> ');
    expect(await service.preview('o-1', again)).toMatchObject({ allowed: false, refusal: 'ALREADY_CORRECTED' });
    await expect(service.send('o-1', again, false)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    // Once KSeF rejected the first correction too, another one may go.
    stillCounting.clear();
    expect((await service.preview('o-1', again)).allowed).toBe(true);
  });

  it('asks before sending a file whose content differs', async () => {
    const { service, sent } = setup({ state: 'rejected', statusCode: 450, offlineMode: true });
    const changed = fixedXml.replace('123.00', '124.00');
    expect(await service.preview('o-1', changed)).toEqual({ allowed: true, differences: [{ field: 'P_15', before: '123', after: '124' }] });
    await expect(service.send('o-1', changed, false)).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED', details: ['changed:P_15'] });
    expect(sent).toEqual([]);
    await service.send('o-1', changed, true);
    expect(sent).toHaveLength(1);
  });

  it.each([
    [{ state: 'rejected', statusCode: 430, offlineMode: false }, 'NOT_OFFLINE'],
    [{ state: 'accepted', statusCode: 200, offlineMode: true }, 'NOT_REJECTED'],
    [{ state: 'rejected', statusCode: 410, offlineMode: true }, 'NOT_TECHNICAL'],
  ])('refuses %o: %s', async (original, refusal) => {
    const { service } = setup(original);
    expect(await service.preview('o-1', fixedXml)).toMatchObject({ allowed: false, refusal });
    await expect(service.send('o-1', fixedXml, true)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses the unchanged file and an unknown invoice', async () => {
    const { service } = setup({ state: 'rejected', statusCode: 430, offlineMode: true });
    expect(await service.preview('o-1', rejectedXml)).toMatchObject({ allowed: false, refusal: 'SAME_FILE' });
    const missing = setup(null);
    await expect(missing.service.preview('x', fixedXml)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
