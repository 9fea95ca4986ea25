import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { ApiError } from '@/lib/api/problem';
import { formatWait } from '@/lib/format';
import { loginSchema, useLogin, type LoginInput } from '../api/login';

function signInMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'The server could not be reached. Check the connection and try again.';
  if (error.status === 401) return 'The e-mail address or password is not right, or the account is not active.';
  if (error.status === 429) {
    const wait = error.retryAfterSeconds;
    return wait !== null
      ? `Too many failed attempts. Signing in is locked for this account; try again in ${formatWait(wait)}.`
      : 'Too many failed attempts. Wait a while, then try again.';
  }
  return error.problem?.detail ?? error.message;
}

// Signing in changes the session; the app's routes then move on by themselves.
export function SignInForm({ email }: { email?: string }) {
  const login = useLogin();
  const form = useForm<LoginInput>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: email ?? '', password: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) =>
    login.mutate(values, {
      onError: (error) => {
        if (error instanceof ApiError && error.status === 422) {
          for (const f of error.fieldErrors)
            if (f.field === 'email' || f.field === 'password') form.setError(f.field, { message: f.message });
        }
        form.resetField('password');
      },
    }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack>
        {login.isError && !(login.error instanceof ApiError && login.error.status === 422) && (
          <Alert color="red" role="alert" title="Not signed in">
            {signInMessage(login.error)}
          </Alert>
        )}
        <TextInput
          label="E-mail address"
          type="email"
          autoComplete="username"
          required
          readOnly={email !== undefined}
          error={errors.email?.message}
          {...form.register('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Button type="submit" loading={login.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
