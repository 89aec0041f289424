/**
 * Test-only: builds certificates and keys with the openssl CLI in a temp directory, so tests compare our
 * parsing with an independent implementation and no key material is ever committed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The last four are keys KSeF refuses (key-rules.ts); tests prove they never become "can sign in". */
export type FixtureKeyType = 'rsa' | 'ec-p256' | 'ec-p384' | 'rsa-1024' | 'ec-p192' | 'ec-secp256k1' | 'ed25519';

const GENPKEY_OPTIONS: Record<FixtureKeyType, string[]> = {
  rsa: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  'rsa-1024': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
  'ec-p256': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  'ec-p384': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  'ec-p192': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-192'],
  'ec-secp256k1': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1'],
  ed25519: ['-algorithm', 'ED25519'],
};

export const PERSON_NIP = '5265877635';
export const PERSON_PESEL = '44051401359';
export const SUBJECT_WITH_NIP = `/CN=Jan Kowalski/serialNumber=TINPL-${PERSON_NIP}/GN=Jan/SN=Kowalski/C=PL`;
export const SUBJECT_WITH_PESEL = `/CN=Anna Nowak/serialNumber=PNOPL-${PERSON_PESEL}/GN=Anna/SN=Nowak/C=PL`;
export const SEAL_SUBJECT = `/O=Firma Testowa Sp. z o.o./organizationIdentifier=VATPL-${PERSON_NIP}/CN=Firma Testowa/C=PL`;
export const SUBJECT_WITHOUT_ID = '/CN=John Smith/O=Foreign Ltd/C=DE';

export class OpensslFixtures {
  readonly dir = mkdtempSync(join(tmpdir(), 'ksef-cert-fixtures-'));
  private counter = 0;

  /** Runs openssl with arguments; returns stdout. */
  run(...args: string[]): string {
    return execFileSync('openssl', args, { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  read(name: string): Buffer {
    return readFileSync(this.path(name));
  }

  write(name: string, data: Buffer | string): string {
    writeFileSync(this.path(name), data);
    return name;
  }

  private fresh(extension: string): string {
    this.counter += 1;
    return `f${this.counter}.${extension}`;
  }

  /** Unencrypted PKCS#8 PEM. */
  generateKey(keyType: FixtureKeyType): string {
    const name = this.fresh('key.pem');
    this.run('genpkey', ...GENPKEY_OPTIONS[keyType], '-out', name);
    return name;
  }

  selfSigned(keyName: string, subject: string, options: { days?: number; keyUsage?: string } = {}): string {
    const name = this.fresh('crt.pem');
    this.run(
      'req', '-x509', '-new', '-key', keyName, '-subj', subject, '-days', String(options.days ?? 365),
      '-addext', `keyUsage=critical,${options.keyUsage ?? 'digitalSignature'}`, '-out', name,
    );
    return name;
  }

  /** A leaf certificate issued by `caCert`/`caKey`. */
  issued(keyName: string, subject: string, caCert: string, caKey: string, keyUsage = 'digitalSignature'): string {
    const csr = this.fresh('csr');
    const extensions = this.write(this.fresh('ext'), `keyUsage=critical,${keyUsage}\n`);
    const name = this.fresh('crt.pem');
    this.run('req', '-new', '-key', keyName, '-subj', subject, '-out', csr);
    this.run('x509', '-req', '-in', csr, '-CA', caCert, '-CAkey', caKey, '-set_serial', '0x1F2E3D4C5B6A', '-days', '365', '-extfile', extensions, '-out', name);
    return name;
  }

  certificateAuthority(keyType: FixtureKeyType, subject: string): { cert: string; key: string } {
    const key = this.generateKey(keyType);
    return { key, cert: this.selfSigned(key, subject, { keyUsage: 'keyCertSign,cRLSign' }) };
  }

  toDer(certName: string): string {
    const name = this.fresh('der');
    this.run('x509', '-in', certName, '-outform', 'DER', '-out', name);
    return name;
  }

  /** PKCS#1 (RSA) or SEC1 (EC) "traditional" key. */
  traditionalKey(keyName: string, form: 'PEM' | 'DER'): string {
    const name = this.fresh(form === 'PEM' ? 'trad.pem' : 'trad.der');
    this.run('pkey', '-in', keyName, '-traditional', '-outform', form, '-out', name);
    return name;
  }

  pkcs8Der(keyName: string): string {
    const name = this.fresh('p8.der');
    this.run('pkcs8', '-topk8', '-nocrypt', '-in', keyName, '-outform', 'DER', '-out', name);
    return name;
  }

  encryptedPkcs8(keyName: string, password: string, form: 'PEM' | 'DER'): string {
    const name = this.fresh(form === 'PEM' ? 'enc.pem' : 'enc.der');
    this.run('pkcs8', '-topk8', '-in', keyName, '-v2', 'aes-256-cbc', '-passout', `pass:${password}`, '-outform', form, '-out', name);
    return name;
  }

  /** Old OpenSSL style: `Proc-Type: 4,ENCRYPTED` + `DEK-Info` headers on a PKCS#1/SEC1 PEM. */
  legacyEncryptedPem(keyName: string, password: string): string {
    const name = this.fresh('legacy.pem');
    this.run('pkey', '-in', keyName, '-traditional', '-aes256', '-passout', `pass:${password}`, '-out', name);
    return name;
  }

  pkcs12(certName: string, keyName: string, password: string, flavour: 'aes' | '3des' | 'rc2', chain: string[] = []): string {
    const name = this.fresh('p12');
    const flavourArgs = {
      aes: [],
      '3des': ['-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'],
      rc2: ['-legacy', '-certpbe', 'PBE-SHA1-RC2-40', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'],
    }[flavour];
    const chainArgs = chain.flatMap((cert) => ['-certfile', cert]);
    this.run('pkcs12', '-export', '-in', certName, '-inkey', keyName, ...chainArgs, ...flavourArgs, '-passout', `pass:${password}`, '-out', name);
    return name;
  }

  concat(...names: string[]): string {
    return this.write(this.fresh('bundle.pem'), Buffer.concat(names.map((name) => this.read(name))));
  }

  fingerprint(certName: string): string {
    const output = this.run('x509', '-in', certName, '-noout', '-fingerprint', '-sha256');
    return (output.split('=')[1] ?? '').trim().replaceAll(':', '');
  }

  serial(certName: string): string {
    return (this.run('x509', '-in', certName, '-noout', '-serial').split('=')[1] ?? '').trim();
  }

  notAfter(certName: string): Date {
    return new Date((this.run('x509', '-in', certName, '-noout', '-enddate').split('=')[1] ?? '').trim());
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
