import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import { appointmentModes, type AppointmentMode } from './get-diary';

export const appointmentSchema = z.object({
  clientId: z.string().min(1, 'Choose the client'),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter the date and time (London time)'),
  durationMinutes: z.coerce.number().int('Enter whole minutes').min(5, 'At least 5 minutes').max(480, 'At most 480 minutes'),
  mode: z.enum(appointmentModes as [AppointmentMode, ...AppointmentMode[]]),
  location: z.string().trim().max(200, 'Use at most 200 characters'),
  adviserId: z.string(),
  caseId: z.string(),
});
export type AppointmentInput = z.infer<typeof appointmentSchema>;
export const appointmentFields = ['clientId', 'start', 'durationMinutes', 'mode', 'location', 'adviserId'] as const;

// `start` is London wall time as typed ("2026-03-29T10:00"); the API reads it so.
export async function createAppointment(values: AppointmentInput) {
  return unwrap(
    await api().POST('/api/v1/appointments', {
      body: {
        clientId: values.clientId,
        caseId: values.caseId === '' ? undefined : values.caseId,
        start: values.start,
        durationMinutes: values.durationMinutes,
        mode: values.mode,
        location: values.location === '' ? undefined : values.location,
        adviserId: values.adviserId === '' ? undefined : values.adviserId,
      },
    }),
  );
}

export function useCreateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAppointment,
    meta: { handlesErrors: true },
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['appointments'] }), queryClient.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}
