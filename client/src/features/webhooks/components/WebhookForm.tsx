import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/forms';
import { webhookFields, webhookSchema, type WebhookInput } from '../api/create-webhook';
import { WEBHOOK_EVENTS } from '../api/list-webhooks';

export type WebhookFormValues = WebhookInput & { active: boolean };

// The fields of a webhook, for creating one and for changing it. `save` resolves on success and
// rejects with the API's error, whose field errors (e.g. a refused `url`) go next to their fields.
export function WebhookForm({
  initial,
  withActive,
  submitLabel,
  pending,
  save,
}: {
  initial: WebhookFormValues;
  withActive: boolean;
  submitLabel: string;
  pending: boolean;
  save: (values: WebhookFormValues) => Promise<unknown>;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<WebhookInput>({ resolver: zodResolver(webhookSchema), defaultValues: initial });
  const [active, setActive] = useState(initial.active);
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save({ ...values, active });
    } catch (error) {
      setFormError(applyApiErrors(error, webhookFields, form.setError));
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={submitLabel}>
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Address (URL)"
          description="https:// and reachable from the internet"
          required
          type="url"
          error={errors.url?.message}
          {...form.register('url')}
        />
        <Controller
          control={form.control}
          name="events"
          render={({ field }) => (
            <Checkbox.Group label="Events" required value={field.value} onChange={field.onChange} error={errors.events?.message}>
              <Stack gap={4} mt={4}>
                {WEBHOOK_EVENTS.map((e) => (
                  <Checkbox key={e} value={e} label={e} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        <TextInput label="Description" error={errors.description?.message} {...form.register('description')} />
        {withActive && (
          <Switch
            label="Active (receives new events)"
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
        )}
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
