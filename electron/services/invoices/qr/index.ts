export { qrHostFor, SANDBOX_QR_HOST_ENVIRONMENT } from './qr-host';
export {
  assertInvoiceHash,
  invoiceHashBase64Url,
  issueDateForUrl,
  kod1Label,
  kod1Url,
  KOD1_LABEL_OFFLINE,
  QrCodeInputError,
  type InvoiceBytesOrHash,
  type Kod1Input,
} from './kod1';
export { kod2SignedData, kod2UnsignedUrl, kod2Url, KOD2_CONTEXT_TYPES, KOD2_LABEL, type Kod2ContextType, type Kod2Fields, type Kod2Input, type Kod2Sign } from './kod2';
export { kod2SignerFor, verifyKod2Url } from './kod2-signer';
export { qrPngDataUrl } from './qr-image';
