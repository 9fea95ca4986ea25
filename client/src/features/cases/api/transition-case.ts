import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { User } from '@/lib/auth/session';
import type { CaseDetail } from './get-case';
import type { CaseStatus } from './list-cases';

export const finished: readonly CaseStatus[] = ['closed', 'referred', 'cancelled'];

// What the form asks for each move, mirroring the API's rules (the API stays the authority).
export type TransitionKind = 'start' | 'close' | 'refer' | 'cancel' | 'reopen';
export function transitionKind(from: CaseStatus, to: CaseStatus): TransitionKind {
  if (finished.includes(from)) return 'reopen';
  if (to === 'closed') return 'close';
  if (to === 'referred') return 'refer';
  if (to === 'cancelled') return 'cancel';
  return 'start';
}

// The moves the caller may make: the case's allowed transitions, less those the role forbids
// (trainees finish no case; only managers and admins reopen one).
export function transitionsFor(c: Pick<CaseDetail, 'status' | 'allowedTransitions'>, role: User['role']): CaseStatus[] {
  return c.allowedTransitions.filter((to) => {
    const kind = transitionKind(c.status, to);
    if (kind === 'reopen') return role === 'manager' || role === 'admin';
    if (kind === 'start') return true;
    return role !== 'trainee';
  });
}

const text = z.string().trim().max(2000, 'Use at most 2000 characters');
export const transitionSchema = z
  .object({
    kind: z.enum(['start', 'close', 'refer', 'cancel', 'reopen']),
    outcome: text,
    closureReason: text,
    reason: text,
    complianceOverrideReason: text,
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'close' && v.outcome === '') ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Enter the outcome' });
    if (v.kind === 'close' && v.closureReason === '')
      ctx.addIssue({ code: 'custom', path: ['closureReason'], message: 'Enter the reason for closing' });
    if (v.kind === 'reopen' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Enter the reason for reopening' });
  });
export type TransitionInput = z.infer<typeof transitionSchema>;
export const transitionFields = ['outcome', 'closureReason', 'reason', 'complianceOverrideReason'] as const;

// The API refuses to close a case whose compliance checklist is not complete (unless a manager
// gives a reason to close it anyway).
export function isComplianceRefusal(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.problem?.type === '/problems/failed-precondition' &&
    /compliance checklist/i.test(error.problem.detail)
  );
}

export async function transitionCase({ id, to, values }: { id: string; to: CaseStatus; values: TransitionInput }) {
  const optional = (s: string) => (s === '' ? undefined : s);
  return unwrap(
    await api().POST('/api/v1/cases/{id}/transitions', {
      params: { path: { id } },
      body: {
        to,
        outcome: optional(values.outcome),
        closureReason: optional(values.closureReason),
        reason: optional(values.reason),
        complianceOverrideReason: to === 'closed' ? optional(values.complianceOverrideReason) : undefined,
      },
    }),
  );
}

export function useTransitionCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionCase,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}
