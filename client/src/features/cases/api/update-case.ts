import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import { moneySchema, toPence } from '@/lib/money';
import type { components } from '@/types/api';
import type { CaseDetail } from './get-case';
import { casePriorities } from './list-cases';

export type CaseUpdate = components['schemas']['CaseUpdate'];

// The case's details and screening facts as the form holds them.
export const caseDetailsSchema = z.object({
  priority: z.enum(casePriorities),
  summary: z.string().trim().max(2000, 'Use at most 2000 characters'),
  nextReviewDate: z.string(),
  assets: moneySchema(),
  vehicleValue: moneySchema(),
  vehicleAdapted: z.boolean(),
  homeowner: z.boolean(),
  connectedToEnglandOrWales: z.boolean(),
  droInLastSixYears: z.boolean(),
  bankruptInLastFiveYears: z.boolean(),
  breathingSpaceInLastYear: z.boolean(),
  mentalHealthCrisis: z.boolean(),
});
export type CaseDetailsInput = z.infer<typeof caseDetailsSchema>;
export const caseDetailsFields = Object.keys(caseDetailsSchema.shape) as (keyof CaseDetailsInput)[];

export function detailsToBody(v: CaseDetailsInput): CaseUpdate {
  return { ...v, assets: toPence(v.assets), vehicleValue: toPence(v.vehicleValue) };
}

export async function updateCase({ id, body }: { id: string; body: CaseUpdate }) {
  return unwrap(await api().PATCH('/api/v1/cases/{id}', { params: { path: { id } }, body }));
}

export function useUpdateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCase,
    meta: { handlesErrors: true },
    onSuccess: (updated) => {
      queryClient.setQueryData<CaseDetail>(['cases', 'detail', updated.id], (old) => (old === undefined ? old : { ...old, ...updated }));
      return queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
