import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/forms';
import type { User } from '@/lib/auth/session';
import { changePasswordSchema, useChangePassword, type ChangePasswordInput } from '../api/change-password';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

export function ChangePasswordPage({ user }: { user: User }) {
  const change = useChangePassword(user.email);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    setFormError(null);
    setDone(false);
    change.mutate(values, {
      onSuccess: () => {
        setDone(true);
        form.reset();
      },
      onError: (error) => setFormError(applyApiErrors(error, FIELDS, form.setError)),
    });
  });

  return (
    <Paper withBorder p="lg" maw={480}>
      <Title order={1} size="h2" mb="md">
        Change password
      </Title>
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Stack>
          {done && (
            <Alert color="teal" role="status" title="Password changed">
              Your other sessions have been signed out.
            </Alert>
          )}
          {formError !== null && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            error={errors.currentPassword?.message}
            {...form.register('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="At least 12 characters."
            autoComplete="new-password"
            required
            error={errors.newPassword?.message}
            {...form.register('newPassword')}
          />
          <PasswordInput
            label="New password again"
            autoComplete="new-password"
            required
            error={errors.confirmPassword?.message}
            {...form.register('confirmPassword')}
          />
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
