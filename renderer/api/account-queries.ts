import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { EnrollmentProgress } from '../../shared/ipc/channels/certificates';
import type { CompaniesState } from '../../shared/ipc/channels/companies';
import type { RequestOf } from '../../shared/ipc/types';
import { unwrap, useKsefApi } from './api-context';

/** Query keys of the sign-in features; main's events invalidate them. */
export const accountKeys = {
  vault: ['vault'] as const,
  certificates: ['certificates'] as const,
  // Under 'certificates', so certificates:changed (enrollment, revoke) refreshes these too.
  ksefCertificates: ['certificates', 'ksef'] as const,
  ksefCertificateLimits: ['certificates', 'ksefLimits'] as const,
  companies: ['companies'] as const,
  auth: ['auth'] as const,
  tokens: ['tokens'] as const,
  savedTokens: ['tokens', 'saved'] as const,
  permissions: ['permissions'] as const,
};

export function useVaultStatus() {
  const api = useKsefApi();
  return useQuery({ queryKey: accountKeys.vault, queryFn: () => unwrap(api.vault.status({})) });
}

export function useSetPassphrase() {
  const api = useKsefApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (passphrase: string) => unwrap(api.vault.setPassphrase({ passphrase })),
    onSuccess: (status) => client.setQueryData(accountKeys.vault, status),
  });
}

export function useUnlockVault() {
  const api = useKsefApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (passphrase: string) => unwrap(api.vault.unlock({ passphrase })),
    onSuccess: (status) => client.setQueryData(accountKeys.vault, status),
  });
}

export function useCertificates() {
  const api = useKsefApi();
  return useQuery({ queryKey: accountKeys.certificates, queryFn: () => unwrap(api.certificates.list({})) });
}

export function useInspectCertificate() {
  const api = useKsefApi();
  return useMutation({ mutationFn: (request: RequestOf<'certificates:inspectFile'>) => unwrap(api.certificates.inspectFile(request)) });
}

export function useCommitCertificate() {
  const api = useKsefApi();
  return useMutation({ mutationFn: (request: RequestOf<'certificates:commit'>) => unwrap(api.certificates.commit(request)) });
}

export function useDiscardDraft() {
  const api = useKsefApi();
  return useMutation({ mutationFn: (draftId: string) => unwrap(api.certificates.discard({ draftId })) });
}

export function useRemoveCertificate() {
  const api = useKsefApi();
  return useMutation({ mutationFn: (id: string) => unwrap(api.certificates.remove({ id })) });
}

export function useSetDefaultCertificate() {
  const api = useKsefApi();
  return useMutation({ mutationFn: (request: RequestOf<'certificates:setDefault'>) => unwrap(api.certificates.setDefault(request)) });
}

export function useCreateTestCertificate() {
  const api = useKsefApi();
  return useMutation({ mutationFn: (request: RequestOf<'certificates:createTest'>) => unwrap(api.certificates.createTest(request)) });
}

export function useEnrollCertificate() {
  const api = useKsefApi();
  return useMutation({ mutationFn: (request: RequestOf<'certificates:enroll'>) => unwrap(api.certificates.enroll(request)) });
}

/** The latest enrollment stage main reported (main pushes it while it polls KSeF). */
export function useEnrollmentProgress(): EnrollmentProgress | null {
  const api = useKsefApi();
  const [progress, setProgress] = useState<EnrollmentProgress | null>(null);
  useEffect(() => api.events.on('certificates:enrollmentProgress', setProgress), [api]);
  return progress;
}

/** The signed-in identity's certificates as KSeF lists them; only asked for while signed in. */
export function useKsefCertificates(enabled: boolean) {
  const api = useKsefApi();
  return useQuery({ queryKey: accountKeys.ksefCertificates, queryFn: () => unwrap(api.ksefCertificates.list({})), enabled });
}

export function useKsefCertificateLimits(enabled: boolean) {
  const api = useKsefApi();
  return useQuery({ queryKey: accountKeys.ksefCertificateLimits, queryFn: () => unwrap(api.ksefCertificates.limits({})), enabled });
}

export function useRevokeKsefCertificate() {
  const api = useKsefApi();
  return useMutation({ mutationFn: (request: RequestOf<'ksefCertificates:revoke'>) => unwrap(api.ksefCertificates.revoke(request)) });
}

export function useCompanies() {
  const api = useKsefApi();
  return useQuery({ queryKey: accountKeys.companies, queryFn: () => unwrap(api.companies.list({})) });
}

export function useCompanyMutations() {
  const api = useKsefApi();
  const client = useQueryClient();
  const onSuccess = (state: CompaniesState) => client.setQueryData(accountKeys.companies, state);
  return {
    add: useMutation({ mutationFn: (request: RequestOf<'companies:add'>) => unwrap(api.companies.add(request)), onSuccess }),
    remove: useMutation({ mutationFn: (nip: string) => unwrap(api.companies.remove({ nip })), onSuccess }),
    select: useMutation({ mutationFn: (nip: string) => unwrap(api.companies.select({ nip })), onSuccess }),
  };
}

export function useAuthStatus() {
  const api = useKsefApi();
  return useQuery({ queryKey: accountKeys.auth, queryFn: () => unwrap(api.auth.status({})) });
}

export function useSignIn() {
  const api = useKsefApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<'auth:login'>) => unwrap(api.auth.login(request)),
    onSuccess: (status) => client.setQueryData(accountKeys.auth, status),
  });
}

export function useSignOut() {
  const api = useKsefApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.auth.logout({})),
    onSuccess: (status) => client.setQueryData(accountKeys.auth, status),
  });
}

/** KSeF tokens of the signed-in context; only asked for while signed in. */
export function useTokens(enabled: boolean) {
  const api = useKsefApi();
  return useQuery({ queryKey: accountKeys.tokens, queryFn: () => unwrap(api.tokens.list({})), enabled });
}

export function useSavedTokens() {
  const api = useKsefApi();
  return useQuery({ queryKey: accountKeys.savedTokens, queryFn: () => unwrap(api.tokens.listSaved({})) });
}

export function useTokenMutations() {
  const api = useKsefApi();
  return {
    create: useMutation({ mutationFn: (request: RequestOf<'tokens:create'>) => unwrap(api.tokens.create(request)) }),
    revoke: useMutation({ mutationFn: (referenceNumber: string) => unwrap(api.tokens.revoke({ referenceNumber })) }),
    forget: useMutation({ mutationFn: (id: string) => unwrap(api.tokens.forget({ id })) }),
  };
}

export function usePermissions(enabled: boolean) {
  const api = useKsefApi();
  return useQuery({ queryKey: accountKeys.permissions, queryFn: () => unwrap(api.permissions.list({})), enabled });
}

export function usePermissionMutations() {
  const api = useKsefApi();
  return {
    grant: useMutation({ mutationFn: (request: RequestOf<'permissions:grant'>) => unwrap(api.permissions.grant(request)) }),
    revoke: useMutation({ mutationFn: (permissionId: string) => unwrap(api.permissions.revoke({ permissionId })) }),
  };
}

/** Main's account events: each one invalidates (or replaces) what it describes. */
export function useAccountEvents() {
  const api = useKsefApi();
  const client = useQueryClient();
  useEffect(() => {
    const invalidate = (key: readonly string[]) => () => void client.invalidateQueries({ queryKey: key });
    const unsubscribers = [
      api.events.on('vault:changed', (status) => client.setQueryData(accountKeys.vault, status)),
      api.events.on('certificates:changed', invalidate(accountKeys.certificates)),
      api.events.on('companies:changed', (state) => client.setQueryData(accountKeys.companies, state)),
      api.events.on('auth:changed', (status) => {
        client.setQueryData(accountKeys.auth, status);
        // Another context or no session: re-read what belongs to the session.
        void client.invalidateQueries({ queryKey: accountKeys.permissions });
        void client.invalidateQueries({ queryKey: accountKeys.tokens });
        void client.invalidateQueries({ queryKey: accountKeys.ksefCertificates });
        void client.invalidateQueries({ queryKey: accountKeys.ksefCertificateLimits });
      }),
      api.events.on('tokens:changed', invalidate(accountKeys.tokens)),
      api.events.on('permissions:changed', invalidate(accountKeys.permissions)),
      api.events.on('settings:changed', invalidate(accountKeys.auth)),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, client]);
}
