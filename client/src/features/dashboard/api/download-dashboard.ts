import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { toApiError } from '@/lib/api/problem';
import type { DashboardScope } from './get-dashboard';

// The same figures as CSV. The API wants the bearer token, so a plain link cannot fetch it: the
// file is fetched here and handed to the browser as a download.
export async function downloadDashboardCsv(scope: DashboardScope): Promise<void> {
  const result = await api().GET('/api/v1/dashboard', {
    params: { query: { format: 'csv', centreId: scope.centreId, adviserId: scope.adviserId } },
    parseAs: 'text',
  });
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.response, result.error);
  const url = URL.createObjectURL(new Blob([result.data], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'dashboard.csv';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function useDownloadDashboardCsv() {
  return useMutation({ mutationFn: downloadDashboardCsv });
}
