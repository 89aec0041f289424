export { getFa3Validator, createFa3Validator, loadFa3SchemaSet, FA3_NAMESPACE } from './fa3-validator';
export type { Fa3Validator, Fa3ValidatorOptions } from './fa3-validator';
export { fa3SchemaDir } from './runtime-assets';
export { XsdValidator } from './xsd-validator';
export type { SchemaSet } from './xsd-validator';
export type { SchemaError, SchemaErrorCode, SchemaReport } from './types';
export { MAX_INVOICE_BYTES, MAX_INVOICE_WITH_ATTACHMENT_BYTES } from './document-checks';
