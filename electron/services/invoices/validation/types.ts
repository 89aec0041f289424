/** What the FA(3) validator reports; shared by the app, the sandbox and the CLI. */

/**
 * Kind of a finding: `SCHEMA` (XSD), `NOT_WELL_FORMED` (XML syntax), or one of the byte-level rules KSeF
 * applies before the XSD (PROTOCOL §8): UTF-8 without BOM, no processing instructions, no forbidden code points,
 * no DOCTYPE, at most 1 MB (3 MB with Zalacznik).
 */
export type SchemaErrorCode =
  | 'SCHEMA'
  | 'NOT_WELL_FORMED'
  | 'EMPTY'
  | 'NOT_UTF8'
  | 'BOM'
  | 'ENCODING_DECLARATION'
  | 'PROCESSING_INSTRUCTION'
  | 'FORBIDDEN_CHARACTER'
  | 'DOCTYPE'
  | 'TOO_LARGE';

export interface SchemaError {
  code: SchemaErrorCode;
  /** 1-based line in the document, when known. */
  line: number | null;
  /** Element path without namespace prefixes, e.g. `/Faktura/Fa/P_2`; '' when no element applies. */
  path: string;
  /** libxml2's message (namespaces removed) or an English description for the byte-level rules. */
  message: string;
  /** The same in Polish, for the user. */
  messagePl: string;
  /** For "element expected" errors: paths of the elements the schema expected at that point. */
  expected?: string[];
}

export interface SchemaReport {
  valid: boolean;
  errors: SchemaError[];
}
