import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import { moneySchema, toPence, type Frequency } from '@/lib/money';
import type { components } from '@/types/api';
import type { BudgetSection } from '../categories';

export const frequencies = ['weekly', 'fortnightly', 'four_weekly', 'monthly', 'quarterly', 'annual'] as const satisfies readonly Frequency[];
export const budgetKinds = ['initial', 'revised', 'final'] as const satisfies readonly components['schemas']['BudgetKind'][];
const budgetSections = ['income', 'fixed_costs', 'flexible_costs', 'priority_debt_payments', 'savings'] as const satisfies readonly BudgetSection[];

// Blank: the server takes the previous version's household, else the client's record.
const household = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .regex(/^(\d{1,2})?$/, `Enter the number of ${what}`)
    .refine((v) => v === '' || (Number(v) >= min && Number(v) <= max), `Enter ${min} to ${max} ${what}`);
const count = (v: string) => (v === '' ? undefined : Number(v));

export const budgetFormSchema = z.object({
  kind: z.enum(budgetKinds),
  notes: z.string().trim().max(2000, 'Use at most 2000 characters'),
  adults: household(1, 20, 'adults'),
  children: household(0, 20, 'children'),
  lines: z
    .array(
      z.object({
        section: z.enum(budgetSections),
        category: z.string().min(1, 'Choose a category'),
        label: z.string().trim().max(100, 'Use at most 100 characters'),
        amount: moneySchema(),
        frequency: z.enum(frequencies),
      }),
    )
    .max(300, 'A budget holds at most 300 items'),
});
export type BudgetFormValues = z.infer<typeof budgetFormSchema>;

// Whether an API field error (as a form path) belongs to a field of this form.
export function isBudgetField(path: string): boolean {
  return ['kind', 'notes', 'adults', 'children', 'lines'].includes(path) || /^lines\.\d+\.(section|category|label|amount|frequency)$/.test(path);
}

export async function saveBudget({ caseId, values }: { caseId: string; values: BudgetFormValues }) {
  return unwrap(
    await api().PUT('/api/v1/cases/{id}/budget', {
      params: { path: { id: caseId } },
      body: {
        kind: values.kind,
        notes: values.notes,
        adults: count(values.adults),
        children: count(values.children),
        lines: values.lines.map((l) => ({ ...l, amount: toPence(l.amount) })),
      },
    }),
  );
}

export function useSaveBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveBudget,
    meta: { handlesErrors: true },
    // The case's surplus, offers and screening follow from its budget.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}
