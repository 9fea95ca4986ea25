import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { MoneyInput } from '@/components/MoneyInput';
import { humanise } from '@/lib/format';
import { applyApiErrors } from '@/lib/forms';
import { debtFormFields, debtFormSchema, debtStatuses, debtTypes, type DebtFormValues } from '../api/debt-form';

const PRIORITY_TYPES = new Set<string>(debtTypes.slice(0, 14));

export function derivedPriorityOf(type: string): 'priority' | 'non_priority' {
  return PRIORITY_TYPES.has(type) ? 'priority' : 'non_priority';
}

// A debt to add or change. `save` rejects with the API's error, shown next to its fields.
export function DebtForm({
  label,
  defaultValues,
  submitLabel,
  save,
  onCancel,
}: {
  label: string;
  defaultValues: DebtFormValues;
  submitLabel: string;
  save: (values: DebtFormValues) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<DebtFormValues>({ resolver: zodResolver(debtFormSchema), defaultValues });
  const { errors, isSubmitting } = form.formState;
  const override = form.watch('priorityOverride');
  const debtType = form.watch('debtType');
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save(values);
      form.reset(defaultValues);
    } catch (error) {
      setFormError(applyApiErrors(error, debtFormFields, form.setError));
    }
  });
  const typeOptions = [
    { group: 'Priority debts', items: debtTypes.filter((t) => PRIORITY_TYPES.has(t)).map((t) => ({ value: t, label: humanise(t) })) },
    { group: 'Non-priority debts', items: debtTypes.filter((t) => !PRIORITY_TYPES.has(t)).map((t) => ({ value: t, label: humanise(t) })) },
  ];
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="sm">
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput label="Creditor" required error={errors.creditor?.message} {...form.register('creditor')} />
          <NativeSelect
            label="Kind of debt"
            required
            data={typeOptions}
            description={`Derived priority: ${humanise(derivedPriorityOf(debtType))}`}
            error={errors.debtType?.message}
            {...form.register('debtType')}
          />
          <TextInput label="Account reference" error={errors.accountReference?.message} {...form.register('accountReference')} />
          <NativeSelect
            label="Status"
            data={debtStatuses.map((s) => ({ value: s, label: humanise(s) }))}
            error={errors.status?.message}
            {...form.register('status')}
          />
          <MoneyInput label="Balance" required error={errors.balance?.message} {...form.register('balance')} />
          <MoneyInput label="Arrears" error={errors.arrears?.message} {...form.register('arrears')} />
          <MoneyInput label="Contractual payment a month" error={errors.contractualPayment?.message} {...form.register('contractualPayment')} />
          <MoneyInput label="Offered payment a month" error={errors.offeredPayment?.message} {...form.register('offeredPayment')} />
          <NativeSelect
            label="Priority override"
            data={[
              { value: '', label: 'No override' },
              { value: 'priority', label: 'Treat as priority' },
              { value: 'non_priority', label: 'Treat as non-priority' },
            ]}
            error={errors.priorityOverride?.message}
            {...form.register('priorityOverride')}
          />
        </SimpleGrid>
        {override !== '' && (
          <Textarea
            label="Reason for the override"
            required
            autosize
            minRows={2}
            error={errors.priorityReason?.message}
            {...form.register('priorityReason')}
          />
        )}
        <Checkbox label="Interest and charges frozen" {...form.register('interestFrozen')} />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {submitLabel}
          </Button>
          {onCancel !== undefined && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
