import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type RetentionReport = components['schemas']['RetentionReport'];

// The dry run of the retention rules for today: nothing changes by asking.
export const retentionReportQuery = (centreId: string | undefined) =>
  queryOptions({
    queryKey: ['retention', 'report', centreId],
    queryFn: async () =>
      unwrap(
        await api().GET('/api/v1/admin/retention/report', {
          params: { query: centreId !== undefined ? { centreId } : {} },
        }),
      ),
  });

export function useRetentionReport(centreId: string | undefined) {
  return useQuery(retentionReportQuery(centreId));
}
