import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type AuditVerification = components['schemas']['AuditVerification'];

// The server reads the whole chain to check it, so it runs only when asked, never in the background.
export const auditVerificationQuery = (centreId: string | undefined) =>
  queryOptions({
    queryKey: ['audit', 'verification', centreId ?? null],
    queryFn: async () =>
      unwrap(
        await api().GET('/api/v1/audit/verification', {
          params: { query: centreId === undefined ? {} : { centreId } },
        }),
      ),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export function useAuditVerification(centreId: string | undefined, requested: boolean) {
  return useQuery({ ...auditVerificationQuery(centreId), enabled: requested });
}
