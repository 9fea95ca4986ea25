import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Modal, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { linkTo } from '@/config/paths';
import { humanise } from '@/lib/format';
import { applyApiErrors } from '@/lib/forms';
import { casePriorities } from '../api/list-cases';
import { openCaseFields, openCaseSchema, useOpenCase, type OpenCaseInput } from '../api/open-case';

function OpenCaseForm({ clientId }: { clientId: string }) {
  const open = useOpenCase();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<OpenCaseInput>({
    resolver: zodResolver(openCaseSchema),
    defaultValues: { priority: 'normal', summary: '', nextReviewDate: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    open.mutate(
      { clientId, values },
      {
        onSuccess: (c) => navigate(linkTo.case(c.id)),
        onError: (error) => setFormError(applyApiErrors(error, openCaseFields, form.setError)),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Open a case">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <NativeSelect
          label="Priority"
          data={casePriorities.map((p) => ({ value: p, label: humanise(p) }))}
          error={errors.priority?.message}
          {...form.register('priority')}
        />
        <Textarea label="Summary" autosize minRows={3} error={errors.summary?.message} {...form.register('summary')} />
        <TextInput label="Next review date" type="date" error={errors.nextReviewDate?.message} {...form.register('nextReviewDate')} />
        <Button type="submit" loading={open.isPending}>
          Open case
        </Button>
      </Stack>
    </form>
  );
}

export function OpenCaseButton({ clientId }: { clientId: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)}>Open a case</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Open a case">
        <OpenCaseForm clientId={clientId} />
      </Modal>
    </>
  );
}
