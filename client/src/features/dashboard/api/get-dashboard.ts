import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Dashboard = components['schemas']['Dashboard'];
export type DashboardFigures = components['schemas']['DashboardFigures'];

// The caller's centre; for admins the network, with each centre's own figures.
export const dashboardQuery = () =>
  queryOptions({
    queryKey: ['dashboard'],
    queryFn: async (): Promise<Dashboard> => {
      // The route also answers CSV; asked for JSON it answers JSON.
      const body = unwrap(await api().GET('/api/v1/dashboard', { params: { query: { format: 'json' } } }));
      if (typeof body === 'string') throw new Error('The dashboard answered with text, not JSON.');
      return body;
    },
  });

export function useDashboard() {
  return useQuery(dashboardQuery());
}
