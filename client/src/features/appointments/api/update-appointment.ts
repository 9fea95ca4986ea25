import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

type AppointmentUpdate = components['schemas']['AppointmentUpdate'];

// Moves (new `start`, London time) or cancels an appointment. A move onto another booking of the
// adviser answers 409 naming the clash.
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
