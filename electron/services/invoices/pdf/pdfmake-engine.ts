/**
 * pdfmake 0.3 in Node, typed to what we use. Loaded through createRequire so esbuild leaves it (and pdfkit's
 * data files) in node_modules; Roboto (full Polish coverage) is read once from pdfmake's own font folder into
 * its virtual file system, and every file or URL access from a document definition is refused.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The parts of a pdfmake document definition this project builds (loosely typed: pdfmake ships no types). */
export type PdfContent = string | PdfContent[] | { [key: string]: unknown };

export interface PdfDocDefinition {
  pageSize: 'A4';
  pageMargins: [number, number, number, number];
  info?: { title?: string; author?: string; subject?: string; creator?: string; producer?: string };
  defaultStyle?: Record<string, unknown>;
  styles?: Record<string, Record<string, unknown>>;
  images?: Record<string, string>;
  content: PdfContent[];
  footer?: (currentPage: number, pageCount: number) => PdfContent;
}

interface PdfMakeOutput {
  getBuffer(): Promise<Buffer>;
}

interface PdfMakeNode {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: PdfDocDefinition): PdfMakeOutput;
}

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

let engine: PdfMakeNode | undefined;

function loadEngine(): PdfMakeNode {
  const require = createRequire(import.meta.url);
  const pdfmake = require('pdfmake') as PdfMakeNode;
  for (const file of Object.values(FONT_FILES)) {
    pdfmake.virtualfs.writeFileSync(`ksef-desk/${file}`, readFileSync(require.resolve(`pdfmake/fonts/Roboto/${file}`)));
  }
  pdfmake.setFonts({
    Roboto: {
      normal: `ksef-desk/${FONT_FILES.normal}`,
      bold: `ksef-desk/${FONT_FILES.bold}`,
      italics: `ksef-desk/${FONT_FILES.italics}`,
      bolditalics: `ksef-desk/${FONT_FILES.bolditalics}`,
    },
  });
  // Invoice text never names files or URLs, but a definition must not be able to reach them either.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return pdfmake;
}

export async function renderPdfDefinition(definition: PdfDocDefinition): Promise<Buffer> {
  engine ??= loadEngine();
  return engine.createPdf(definition).getBuffer();
}
