/** Test-only wrappers around Debian's zbarimg and poppler (pdftotext, pdftoppm); each says when its tool is missing. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** A one-line reason to skip, or undefined when every tool is installed. */
export function missingTools(...names: string[]): string | undefined {
  const missing = names.filter((name) => !hasTool(name));
  return missing.length === 0 ? undefined : `needs ${missing.join(', ')} (apt: zbar-tools, poppler-utils)`;
}

function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ksef-desk-decode-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every QR code zbarimg finds in the image files, as text. */
function zbar(files: string[]): string[] {
  const result = spawnSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', ...files], { encoding: 'utf8' });
  // zbarimg exits 4 when it finds no symbol: an empty answer, not an error.
  if (result.status !== 0 && result.status !== 4) throw new Error(`zbarimg failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line.trim() !== '');
}

export function decodeQrPng(png: Buffer): string[] {
  return withTempDir((dir) => {
    const file = join(dir, 'code.png');
    writeFileSync(file, png);
    return zbar([file]);
  });
}

export function decodeQrDataUrl(dataUrl: string): string[] {
  return decodeQrPng(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
}

/** Renders the PDF's pages at 200 dpi and decodes every QR code on them. */
export function decodeQrInPdf(pdf: Buffer): string[] {
  return withTempDir((dir) => {
    const file = join(dir, 'invoice.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', '200', '-png', file, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((name) => name.startsWith('page')).map((name) => join(dir, name));
    return zbar(pages);
  });
}

export function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): string {
  return withTempDir((dir) => {
    const file = join(dir, 'invoice.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  });
}
