import type { ksefCertificatesPl } from './ksef-certificates.pl';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const ksefCertificatesEn: Widen<typeof ksefCertificatesPl> = {
  ksefCertificates: {
    title: 'Certificates in KSeF',
    intro: 'KSeF certificates issued to the signed-in person or company, as KSeF sees them — including those kept on other computers.',
    signInHint: 'Sign in to KSeF (the “Sign in” button at the top) to see your KSeF certificates and limits. Revoking a certificate needs a sign-in with a certificate.',
    tokenHint: 'You are signed in with a token: you can view the certificates, but revoking one needs a sign-in with a certificate.',
    loading: 'Getting certificates from KSeF…',
    refresh: 'Refresh',
    limits: 'Certificate requests: {{remaining}} of {{limit}} left. Active certificates: {{active}} of {{activeLimit}}.',
    cannotRequest: 'KSeF accepts no new certificate request now: the limit of requests or of active certificates is used up.',
    empty: 'KSeF has not issued any certificate to the signed-in person or company yet.',
    truncated: 'Only the newest certificates are shown.',
    status: { Active: 'active', Blocked: 'blocked (being revoked)', Revoked: 'revoked', Expired: 'expired' },
    type: { Authentication: 'for signing in', Offline: 'offline (QR codes)' },
    details: 'Serial {{serial}} · valid from {{from}} to {{to}}',
    storedHere: 'kept on this computer',
    storedAs: 'on this computer: “{{label}}”',
    localCopy: 'This computer keeps it as “{{label}}”: it stays in the list as revoked and is no longer offered for signing in.',
    usedNow: 'you are signed in with it',
    revoke: 'Revoke',
    revokeTitle: 'Revoke the KSeF certificate?',
    revokeWhich: 'The certificate “{{name}}” (serial {{serial}}) will be revoked in KSeF at once.',
    consequenceAuthentication: 'From then on it cannot sign in to KSeF — not in this app, nor in other programs or on other computers that use it.',
    consequenceOffline: 'From then on it cannot sign the QR codes (CODE II) of invoices issued offline.',
    consequenceCurrentSession: 'You are signed in with this certificate: once you sign out, you cannot sign in with it again.',
    irreversible: 'A revocation cannot be undone. If needed, request a new certificate.',
    reason: 'Reason for revoking',
    reasons: {
      Unspecified: 'No reason given',
      Superseded: 'I replaced it with a new certificate',
      KeyCompromise: 'The private key may have fallen into the wrong hands',
    },
    revokeConfirm: 'Yes, revoke',
    revoking: 'Revoking…',
    cancel: 'Cancel',
    revoked: 'The certificate “{{name}}” has been revoked.',
    revokedLocally: 'Revoked in KSeF on {{date}}',
  },
};
