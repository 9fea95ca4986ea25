import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { humanise } from '@/lib/format';
import { applyApiErrors } from '@/lib/forms';
import {
  clientFormFields,
  clientFormSchema,
  contactMethods,
  employmentStatuses,
  housingTenures,
  maritalStatuses,
  vulnerabilityFlags,
  type ClientFormValues,
} from '../api/client-form';

const options = (values: readonly string[]) => [{ value: '', label: 'Not recorded' }, ...values.map((v) => ({ value: v, label: humanise(v) }))];

// The client's record, to create or change. `save` rejects with the API's error, which is shown
// next to its fields.
export function ClientForm({
  defaultValues,
  submitLabel,
  save,
}: {
  defaultValues: ClientFormValues;
  submitLabel: string;
  save: (values: ClientFormValues) => Promise<unknown>;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ClientFormValues>({ resolver: zodResolver(clientFormSchema), defaultValues });
  const { errors, isSubmitting } = form.formState;
  const consent = form.watch('vulnerabilityConsent');
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save(values);
    } catch (error) {
      setFormError(applyApiErrors(error, clientFormFields, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Fieldset legend="Name and identity">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Title" error={errors.title?.message} {...form.register('title')} />
            <TextInput label="First name" required error={errors.firstName?.message} {...form.register('firstName')} />
            <TextInput label="Last name" required error={errors.lastName?.message} {...form.register('lastName')} />
            <TextInput label="Date of birth" type="date" error={errors.dateOfBirth?.message} {...form.register('dateOfBirth')} />
            <TextInput
              label="National Insurance number"
              description="Like AB 12 34 56 C"
              error={errors.niNumber?.message}
              {...form.register('niNumber')}
            />
            <TextInput label="Preferred language" error={errors.language?.message} {...form.register('language')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Contact">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Phone" type="tel" error={errors.phone?.message} {...form.register('phone')} />
            <TextInput label="Mobile" type="tel" error={errors.mobile?.message} {...form.register('mobile')} />
            <TextInput label="E-mail" type="email" error={errors.email?.message} {...form.register('email')} />
            <TextInput label="Address line 1" error={errors.addressLine1?.message} {...form.register('addressLine1')} />
            <TextInput label="Address line 2" error={errors.addressLine2?.message} {...form.register('addressLine2')} />
            <TextInput label="Town" error={errors.town?.message} {...form.register('town')} />
            <TextInput label="Postcode" error={errors.postcode?.message} {...form.register('postcode')} />
            <NativeSelect
              label="Preferred contact"
              data={options(contactMethods)}
              error={errors.preferredContact?.message}
              {...form.register('preferredContact')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Household">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Adults (the client included)" inputMode="numeric" error={errors.adults?.message} {...form.register('adults')} />
            <TextInput
              label="Children’s ages"
              description="Separated by commas, like 4, 9"
              error={errors.childrenAges?.message}
              {...form.register('childrenAges')}
            />
            <NativeSelect label="Marital status" data={options(maritalStatuses)} error={errors.maritalStatus?.message} {...form.register('maritalStatus')} />
            <NativeSelect
              label="Employment status"
              data={options(employmentStatuses)}
              error={errors.employmentStatus?.message}
              {...form.register('employmentStatus')}
            />
            <NativeSelect label="Housing tenure" data={options(housingTenures)} error={errors.housingTenure?.message} {...form.register('housingTenure')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Consent and vulnerability">
          <Stack gap="sm">
            <Checkbox
              label="The client consents to their data being shared"
              error={errors.dataSharingConsent?.message}
              {...form.register('dataSharingConsent')}
            />
            <Checkbox
              label="The client consents to vulnerabilities being recorded"
              description="Withdrawing consent removes the vulnerabilities already recorded."
              error={errors.vulnerabilityConsent?.message}
              {...form.register('vulnerabilityConsent')}
            />
            {consent ? (
              <Controller
                control={form.control}
                name="vulnerabilityFlags"
                render={({ field, fieldState }) => (
                  <Checkbox.Group label="Vulnerabilities" value={field.value} onChange={(v) => field.onChange(v)} error={fieldState.error?.message}>
                    <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
                      {vulnerabilityFlags.map((f) => (
                        <Checkbox key={f} value={f} label={humanise(f)} />
                      ))}
                    </SimpleGrid>
                  </Checkbox.Group>
                )}
              />
            ) : (
              <Text size="sm" c="gray.7">
                Vulnerabilities are recorded only with the client’s explicit consent.
              </Text>
            )}
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button type="submit" loading={isSubmitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
