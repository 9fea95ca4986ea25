import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type DashboardCheck = components['schemas']['DashboardCheck'];

// Admins: recounts a centre's figures from all its cases and lists the counters that differ. A
// full read, so it runs when asked, not as a query kept fresh.
export async function checkDashboard(centreId: string): Promise<DashboardCheck> {
  return unwrap(await api().GET('/api/v1/centres/{id}/dashboard-check', { params: { path: { id: centreId } } }));
}

export function useCheckDashboard() {
  return useMutation({ mutationFn: checkDashboard, meta: { handlesErrors: true } });
}
