import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Dashboard = components['schemas']['Dashboard'];
export type DashboardFigures = components['schemas']['DashboardFigures'];

// Whose figures: a centre (admins any; others their own, the default) and within it one adviser.
// Admins naming no centre get the whole network, with each centre's own figures.
export type DashboardScope = { centreId?: string | undefined; adviserId?: string | undefined };

export const dashboardQuery = (scope: DashboardScope = {}) =>
  queryOptions({
    queryKey: ['dashboard', scope.centreId ?? null, scope.adviserId ?? null],
    queryFn: async (): Promise<Dashboard> => {
      // The route also answers CSV; asked for JSON it answers JSON.
      const body = unwrap(
        await api().GET('/api/v1/dashboard', { params: { query: { format: 'json', centreId: scope.centreId, adviserId: scope.adviserId } } }),
      );
      if (typeof body === 'string') throw new Error('The dashboard answered with text, not JSON.');
      return body;
    },
  });

export function useDashboard(scope: DashboardScope = {}) {
  return useQuery(dashboardQuery(scope));
}
