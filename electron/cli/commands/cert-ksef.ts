import { parseCertificateId } from '../certificate-id';
import type { Command } from 'commander';
import {
  KSEF_CERTIFICATE_STATUSES,
  type KsefCertificateInfo,
  type KsefCertificateStatus,
  type RevocationReason,
} from '../../../shared/ipc/channels/ksef-certificates';
import type { GlobalOptions } from '../global-options';
import { call, signIn, withRoot, type SignInOptions } from '../account-session';
import { CliError, printResult } from '../output';

type SessionOptions = SignInOptions & { nip: string };

const REASONS: Record<string, RevocationReason> = {
  unspecified: 'Unspecified',
  superseded: 'Superseded',
  'key-compromise': 'KeyCompromise',
};

function withSessionOptions(command: Command, tokenHint: string): Command {
  return command
    .requiredOption('--nip <nip>', 'company NIP to sign in to')
    .option('--cert <id>', 'sign in with this stored certificate (default: the default one for the NIP)', parseCertificateId)
    .option('--token-file <file>', tokenHint);
}

function statusOption(value: string | undefined): KsefCertificateStatus | undefined {
  if (value === undefined) return undefined;
  const status = KSEF_CERTIFICATE_STATUSES.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (!status) throw new CliError(`--status must be one of ${KSEF_CERTIFICATE_STATUSES.join(', ').toLowerCase()}`, 'INVALID_INPUT');
  return status;
}

function reasonOption(value: string | undefined): RevocationReason | undefined {
  if (value === undefined) return undefined;
  const reason = REASONS[value.toLowerCase()];
  if (!reason) throw new CliError(`--reason must be one of ${Object.keys(REASONS).join(', ')}`, 'INVALID_INPUT');
  return reason;
}

/** What `cert ksef-list --json` promises scripts: these fields always present (null when absent). */
function listRow(item: KsefCertificateInfo) {
  return {
    serialNumber: item.serialNumber,
    name: item.name,
    type: item.type,
    status: item.status,
    validFrom: item.validFrom,
    validTo: item.validTo,
    requestDate: item.requestDate,
    localCertificateId: item.localCertificateId ?? null,
  };
}

function describe(item: KsefCertificateInfo): string {
  const local = item.localCertificateId ? `  (stored here: ${item.localCertificateId})` : '';
  return `${item.serialNumber}  ${item.name}  [${item.type}, ${item.status}, valid until ${item.validTo.slice(0, 10)}]${local}`;
}

/** `ksef-desk cert ksef-list|revoke|limits`: the signed-in identity's certificates as KSeF knows them. */
export function registerKsefCertCommands(cert: Command, globals: () => GlobalOptions): void {
  withSessionOptions(cert.command('ksef-list'), 'sign in with the KSeF token in this file (lists the token owner’s certificates)')
    .description('list your KSeF certificates as KSeF knows them (newest first); marks revoked ones in the local list')
    .option('--status <status>', 'only active, blocked, revoked or expired ones')
    .action(async (opts: SessionOptions & { status?: string }) => {
      const options = globals();
      const status = statusOption(opts.status);
      const answer = await withRoot(options, async (root) => {
        await signIn(root, options, opts.nip, opts);
        return call(root, 'ksefCertificates:list', status ? { status } : {});
      });
      // Say so on stderr, so that --json stdout stays the plain array scripts expect.
      if (answer.truncated) process.stderr.write('Only the newest certificates are listed; narrow the list with --status.\n');
      printResult(options, answer.certificates.map(listRow), () =>
        answer.certificates.length ? answer.certificates.map(describe).join('\n') : 'No KSeF certificates.',
      );
    });

  cert
    .command('revoke <serial>')
    .description('revoke a KSeF certificate at once: it stops working for sign-in and offline QR codes (needs a certificate sign-in)')
    .requiredOption('--nip <nip>', 'company NIP to sign in to')
    .option('--cert <id>', 'sign in with this stored certificate (default: the default one for the NIP)', parseCertificateId)
    .option('--reason <reason>', 'unspecified (default), superseded or key-compromise')
    .action(async (serial: string, opts: { nip: string; cert?: string; reason?: string }) => {
      const options = globals();
      const reason = reasonOption(opts.reason);
      const serialNumber = serial.trim().toUpperCase();
      await withRoot(options, async (root) => {
        await signIn(root, options, opts.nip, opts.cert ? { cert: opts.cert } : {});
        return call(root, 'ksefCertificates:revoke', { serialNumber, ...(reason ? { reason } : {}) });
      });
      printResult(options, { revoked: serialNumber, reason: reason ?? 'Unspecified' }, () => `Revoked ${serialNumber}`);
    });

  withSessionOptions(cert.command('limits'), 'sign in with the KSeF token in this file')
    .description('how many certificate requests and active KSeF certificates you have left')
    .action(async (opts: SessionOptions) => {
      const options = globals();
      const limits = await withRoot(options, async (root) => {
        await signIn(root, options, opts.nip, opts);
        return call(root, 'ksefCertificates:limits', {});
      });
      printResult(options, limits, () =>
        [
          `Certificate requests left: ${limits.enrollment.remaining} of ${limits.enrollment.limit}`,
          `Active certificates: ${limits.certificate.limit - limits.certificate.remaining} of ${limits.certificate.limit}`,
          limits.canRequest ? 'You can request a new certificate.' : 'KSeF accepts no new certificate request now.',
        ].join('\n'),
      );
    });
}
