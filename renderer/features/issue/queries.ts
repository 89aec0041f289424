import { useMutation, useQuery } from '@tanstack/react-query';
import type { RequestOf } from '../../../shared/ipc/types';
import { unwrap, useKsefApi } from '../../api/api-context';
import { useOfflineStatus } from '../sent/sent-queries';

/** Query keys of the issuing feature; main's `issue:changed` invalidates them all (renderer/api/document-events.ts). */
export const issueKeys = {
  all: ['issue'] as const,
  profile: (nip: string) => ['issue', 'profile', nip] as const,
  series: (nip: string) => ['issue', 'series', nip] as const,
  nextNumber: (nip: string, seriesId: string, issueDate: string) => ['issue', 'next', nip, seriesId, issueDate] as const,
  drafts: (nip: string) => ['issue', 'drafts', nip] as const,
  issued: (nip: string) => ['issue', 'issued', nip] as const,
  contractors: (nip: string, query: string) => ['issue', 'contractors', nip, query] as const,
  products: (nip: string, query: string) => ['issue', 'products', nip, query] as const,
};

export function useSellerProfile(nip: string) {
  const api = useKsefApi();
  return useQuery({ queryKey: issueKeys.profile(nip), queryFn: () => unwrap(api.issue.profileGet({ companyNip: nip })) });
}

export function useSaveSellerProfile() {
  const api = useKsefApi();
  return useMutation({ mutationFn: (request: RequestOf<'issue:profileSave'>) => unwrap(api.issue.profileSave(request)) });
}

export function useSeries(nip: string) {
  const api = useKsefApi();
  return useQuery({ queryKey: issueKeys.series(nip), queryFn: () => unwrap(api.issue.seriesList({ companyNip: nip })) });
}

/** The number the series would give now (not reserved); only asked for with a series and a full date. */
export function useNextNumber(nip: string, seriesId: string | null, issueDate: string) {
  const api = useKsefApi();
  const enabled = seriesId !== null && /^\d{4}-\d{2}-\d{2}$/.test(issueDate);
  return useQuery({
    queryKey: issueKeys.nextNumber(nip, seriesId ?? '', issueDate),
    queryFn: () => unwrap(api.issue.nextNumber({ companyNip: nip, seriesId: seriesId ?? '', issueDate })),
    enabled,
  });
}

export function useDrafts(nip: string) {
  const api = useKsefApi();
  return useQuery({ queryKey: issueKeys.drafts(nip), queryFn: () => unwrap(api.issue.draftsList({ companyNip: nip })) });
}

export function useIssuedInvoices(nip: string) {
  const api = useKsefApi();
  return useQuery({ queryKey: issueKeys.issued(nip), queryFn: () => unwrap(api.issue.issuedList({ companyNip: nip })) });
}

export function useContractors(nip: string, query: string) {
  const api = useKsefApi();
  return useQuery({ queryKey: issueKeys.contractors(nip, query), queryFn: () => unwrap(api.issue.contractorsList({ companyNip: nip, query })) });
}

export function useProducts(nip: string, query: string) {
  const api = useKsefApi();
  return useQuery({ queryKey: issueKeys.products(nip, query), queryFn: () => unwrap(api.issue.productsList({ companyNip: nip, query })) });
}

export function useDraftMutations() {
  const api = useKsefApi();
  return {
    save: useMutation({ mutationFn: (request: RequestOf<'issue:draftSave'>) => unwrap(api.issue.draftSave(request)) }),
    remove: useMutation({ mutationFn: (id: string) => unwrap(api.issue.draftRemove({ id })) }),
    open: useMutation({ mutationFn: (id: string) => unwrap(api.issue.draftGet({ id })) }),
    copy: useMutation({ mutationFn: (request: RequestOf<'issue:copyAsNew'>) => unwrap(api.issue.copyAsNew(request)) }),
  };
}

export function useIssueActions() {
  const api = useKsefApi();
  return {
    preview: useMutation({ mutationFn: (request: RequestOf<'issue:preview'>) => unwrap(api.issue.preview(request)) }),
    pdf: useMutation({ mutationFn: (request: RequestOf<'issue:pdf'>) => unwrap(api.issue.pdf(request)) }),
    issue: useMutation({ mutationFn: (request: RequestOf<'issue:issue'>) => unwrap(api.issue.issue(request)) }),
  };
}

export function useSaveSeries(nip: string) {
  const api = useKsefApi();
  return useMutation({ mutationFn: (series: RequestOf<'issue:seriesSave'>['series']) => unwrap(api.issue.seriesSave({ companyNip: nip, series })) });
}

export function useBookMutations(nip: string) {
  const api = useKsefApi();
  return {
    removeContractor: useMutation({ mutationFn: (id: string) => unwrap(api.issue.contractorRemove({ companyNip: nip, id })) }),
    removeProduct: useMutation({ mutationFn: (id: string) => unwrap(api.issue.productRemove({ companyNip: nip, id })) }),
    saveContractor: useMutation({ mutationFn: (request: Omit<RequestOf<'issue:contractorSave'>, 'companyNip'>) => unwrap(api.issue.contractorSave({ companyNip: nip, ...request })) }),
    saveProduct: useMutation({ mutationFn: (request: Omit<RequestOf<'issue:productSave'>, 'companyNip'>) => unwrap(api.issue.productSave({ companyNip: nip, ...request })) }),
  };
}

/** Whether "Wystaw" issues offline now (an outage, or offline mode chosen on the Sent page). */
export function useOfflineMode(): boolean {
  return useOfflineStatus().data?.offline === true;
}
