import type { AuthenticationMethod, AuthenticationMethodInfo, StatusInfo } from '../state/types';

/** How the subject authenticated, in both the deprecated enum and the newer info object. */
export interface AuthMethodDescription {
  method: AuthenticationMethod;
  info: AuthenticationMethodInfo;
}

// Only `xades.qualified-seal` / "Pieczęć kwalifikowana" appears in the spec; the other codes follow its pattern.
export const AUTH_METHODS = {
  token: { method: 'Token', info: { category: 'Token', code: 'token.ksef', displayName: 'Token KSeF' } },
  qualifiedSeal: { method: 'QualifiedSeal', info: { category: 'XadesSignature', code: 'xades.qualified-seal', displayName: 'Pieczęć kwalifikowana' } },
  qualifiedSignature: {
    method: 'QualifiedSignature',
    info: { category: 'XadesSignature', code: 'xades.qualified-signature', displayName: 'Podpis kwalifikowany' },
  },
  internalCertificate: {
    method: 'InternalCertificate',
    info: { category: 'XadesSignature', code: 'xades.internal-certificate', displayName: 'Certyfikat KSeF' },
  },
} as const satisfies Record<string, AuthMethodDescription>;

function status(code: number, description: string, details?: string[]): StatusInfo {
  return { code, description, ...(details ? { details } : {}) };
}

/** Status texts from the spec's table for AuthenticationOperationStatusResponse.status. Each call returns a fresh object. */
export const AUTH_STATUS = {
  inProgress: () => status(100, 'Uwierzytelnianie w toku'),
  success: () => status(200, 'Uwierzytelnianie zakończone sukcesem'),
  noPermissions: () => status(415, 'Uwierzytelnianie zakończone niepowodzeniem', ['Brak przypisanych uprawnień']),
  revoked: () =>
    status(425, 'Uwierzytelnienie unieważnione', ['Uwierzytelnienie i powiązane refresh tokeny zostały unieważnione przez użytkownika']),
  badToken: (detail: string) => status(450, 'Uwierzytelnianie zakończone niepowodzeniem z powodu błędnego tokenu', [detail]),
  badCertificate: (detail: string) => status(460, 'Uwierzytelnianie zakończone niepowodzeniem z powodu błędu certyfikatu', [detail]),
  deceased: () => status(470, 'Uwierzytelnianie zakończone niepowodzeniem', ['Próba wykorzystania metod autoryzacyjnych osoby zmarłej']),
};
