import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type AuditEntry = components['schemas']['AuditEntry'];
export type AuditFilters = {
  centreId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  userId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
};

export const auditQuery = (filters: AuditFilters) =>
  queryOptions({
    queryKey: ['audit', filters],
    queryFn: async () =>
      unwrap(await api().GET('/api/v1/audit', { params: { query: { limit: 50, ...filters } } })),
    placeholderData: keepPreviousData,
  });

export function useAudit(filters: AuditFilters) {
  return useQuery(auditQuery(filters));
}
