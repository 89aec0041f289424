/** Fixed identifiers of the FA(3) logical structure (schemat_FA(3)_v1-0E.xsd). */
export const FA3_NAMESPACE = 'http://crd.gov.pl/wzor/2025/06/25/13775/';
export const FA3_ETD_NAMESPACE = 'http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/';
export const FA3_SYSTEM_CODE = 'FA (3)';
export const FA3_SCHEMA_VERSION = '1-0E';
export const FA3_FORM_VALUE = 'FA';
export const FA3_FORM_VARIANT = '3';
/** Schema file name as the UPO reports it in `NazwaStrukturyLogicznej`. */
export const FA3_SCHEMA_FILE_NAME = 'Schemat_FA(3)_v1-0E.xsd';
/** Path of the XSD inside the reference pack. */
export const FA3_SCHEMA_PATH_IN_PACK = ['schemas', 'FA', 'schemat_FA(3)_v1-0E.xsd'] as const;
