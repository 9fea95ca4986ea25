import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { DashboardCheck } from './check-dashboard';

// Admins: replaces a centre's counters with a recount when they differ (audited).
export async function repairDashboard(centreId: string): Promise<DashboardCheck> {
  return unwrap(await api().POST('/api/v1/centres/{id}/dashboard-repair', { params: { path: { id: centreId } }, body: {} }));
}

export function useRepairDashboard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: repairDashboard,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
  });
}
