/** FA(3) invoice domain: the model, its code lists, the zod schema, totals and business rules. */
export * from './codes';
export * from './code-lists';
export type * from './model';
export { invoiceSchema, parseInvoice } from './schema';
export type { InvoiceSchemaIssue } from './schema';
export * from './schema-parts';
export * from './schema-sections';
export * from './totals';
export * from './advance';
export * from './rules';
export * from './iban';
export * from './describe';
export * from './read-errors';
