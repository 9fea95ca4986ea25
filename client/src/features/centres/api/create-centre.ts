import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';

export const createCentreSchema = z.object({
  name: z.string().trim().min(1, 'Enter the centre’s name').max(200),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{2,10}$/, 'Use 2 to 10 capital letters or digits, e.g. MAN'),
  address: z.string().max(500).optional(),
  contactEmail: z.union([z.literal(''), z.string().email('Enter an e-mail address or leave it empty')]).optional(),
  contactPhone: z.string().max(40).optional(),
});
export type CreateCentreInput = z.infer<typeof createCentreSchema>;

const blankToNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

export async function createCentre(input: CreateCentreInput) {
  return unwrap(
    await api().POST('/api/v1/centres', {
      body: {
        name: input.name,
        code: input.code,
        address: blankToNull(input.address),
        contactEmail: blankToNull(input.contactEmail),
        contactPhone: blankToNull(input.contactPhone),
      },
    }),
  );
}

export function useCreateCentre() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCentre,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['centres'] }),
  });
}
