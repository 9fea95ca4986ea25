import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';
import { createCentreSchema } from './create-centre';
import type { Centre } from './list-centres';

type CentreUpdate = components['schemas']['CentreUpdate'];

// A centre's details and its one known setting: whether its advisers' calendar feeds name clients.
export const editCentreSchema = createCentreSchema.extend({ calendarShowsClientNames: z.boolean() });
export type EditCentreInput = z.infer<typeof editCentreSchema>;

export function centreToForm(c: Centre): EditCentreInput {
  return {
    name: c.name,
    code: c.code,
    address: c.address,
    contactEmail: c.contactEmail,
    contactPhone: c.contactPhone,
    calendarShowsClientNames: c.settings.calendarShowsClientNames === true,
  };
}

// Only what differs from the centre as listed; the settings object is replaced whole, so its other
// keys are sent back as they were.
export function centreChanges(c: Centre, values: EditCentreInput): CentreUpdate {
  const body: CentreUpdate = {};
  const before = centreToForm(c);
  for (const k of ['name', 'code', 'address', 'contactEmail', 'contactPhone'] as const) {
    const v = (values[k] ?? '').trim();
    if (v !== (before[k] ?? '')) body[k] = v;
  }
  if (values.calendarShowsClientNames !== before.calendarShowsClientNames) {
    body.settings = { ...c.settings, calendarShowsClientNames: values.calendarShowsClientNames };
  }
  return body;
}

export async function updateCentre({ id, body }: { id: string; body: CentreUpdate }) {
  return unwrap(await api().PATCH('/api/v1/centres/{id}', { params: { path: { id } }, body }));
}

export function useUpdateCentre() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCentre,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['centres'] }),
  });
}
