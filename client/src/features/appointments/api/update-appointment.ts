import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';
import { appointmentSchema } from './create-appointment';

type AppointmentUpdate = components['schemas']['AppointmentUpdate'];
export type AppointmentStatus = components['schemas']['AppointmentStatus'];

// Rescheduling or changing the details of a scheduled appointment. `start` is London wall time.
export const appointmentEditSchema = appointmentSchema
  .pick({ start: true, durationMinutes: true, mode: true, location: true, adviserId: true })
  .extend({ preparation: z.string().trim().max(5000, 'Use at most 5000 characters') });
export type AppointmentEditInput = z.infer<typeof appointmentEditSchema>;
export const appointmentEditFields = ['start', 'durationMinutes', 'mode', 'location', 'preparation', 'adviserId'] as const;

// What happened: held or not attended, what was done, and when to follow up ('' for no date).
const endedStatuses = ['completed', 'no_show'] as const satisfies readonly AppointmentStatus[];
export const outcomeSchema = z.object({
  status: z.enum(endedStatuses),
  outcome: z.string().trim().max(5000, 'Use at most 5000 characters'),
  followUpDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date, or leave it empty')]),
});
export type OutcomeInput = z.infer<typeof outcomeSchema>;
export const outcomeFields = ['status', 'outcome', 'followUpDate'] as const;

// Moves, reassigns, records the outcome of, cancels or restores an appointment: only the fields
// sent change. A move onto another booking of the adviser answers 409 naming the clash.
export async function updateAppointment({ id, body }: { id: string; body: AppointmentUpdate }) {
  return unwrap(await api().PATCH('/api/v1/appointments/{id}', { params: { path: { id } }, body }));
}

export function useUpdateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAppointment,
    meta: { handlesErrors: true },
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['appointments'] }), queryClient.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}
