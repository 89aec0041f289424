/** QR symbols as PNG for the view (data URL) and the PDF (same image). */
import QRCode, { type QRCodeToDataURLOptions } from 'qrcode';

const PNG_OPTIONS: QRCodeToDataURLOptions = {
  type: 'image/png',
  // M survives a smudged printout; the URLs (≤ ~250 characters for KOD II) still fit a small symbol.
  errorCorrectionLevel: 'M',
  // One module of margin like the Ministry's Java client; the page around the code is white anyway.
  margin: 1,
  scale: 8,
  color: { dark: '#000000ff', light: '#ffffffff' },
};

export function qrPngDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, PNG_OPTIONS);
}
