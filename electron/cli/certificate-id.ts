import { InvalidArgumentError } from 'commander';

const CERTIFICATE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `--cert ID`: caught at parse time with a pointer to where ids come from. */
export function parseCertificateId(value: string): string {
  const id = value.trim().toLowerCase();
  if (!CERTIFICATE_ID.test(id)) throw new InvalidArgumentError('not a certificate id; `ksef-desk cert list` shows them.');
  return id;
}
