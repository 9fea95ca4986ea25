import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { session } from '@/lib/auth/session';
import { makeSignIn, on, problem } from '@/testing/api';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

async function fill(user: ReturnType<typeof renderApp>['user'], current: string, next: string, again = next) {
  await user.type(await screen.findByLabelText(/^current password/i), current);
  await user.type(screen.getByLabelText(/^new password(?! again)/i), next);
  await user.type(screen.getByLabelText(/^new password again/i), again);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('changing the password', () => {
  it('shows the API’s field error next to the field it names', async () => {
    server.use(
      on('post', '/api/v1/me/password', () => ({
        status: 422,
        body: problem(422, '/problems/validation', 'Some fields are invalid.', [
          { field: 'currentPassword', message: 'is not the current password' },
        ]),
      })),
    );
    const { user } = renderApp('/account/password', makeSignIn('token'));
    await fill(user, 'wrong-current', 'a brand new passphrase');
    expect(await screen.findByText('Is not the current password')).toBeInTheDocument();
    expect(screen.getByLabelText(/^current password/i)).toHaveAccessibleDescription(/is not the current password/i);
  });

  it('refuses two different new passwords before sending anything', async () => {
    const { user } = renderApp('/account/password', makeSignIn('token'));
    await fill(user, 'current-password', 'a brand new passphrase', 'another passphrase!!');
    expect(await screen.findByText('The two new passwords differ')).toBeInTheDocument();
  });

  it('signs in again with the new password, since the change ends every session', async () => {
    let sentPassword = '';
    server.use(
      on('post', '/api/v1/me/password', () => ({ status: 204 })),
      on('post', '/api/v1/auth/login', async ({ request }) => {
        sentPassword = ((await request.clone().json()) as { password: string }).password;
        return { status: 200, body: makeSignIn('after-change') };
      }),
    );
    const { user } = renderApp('/account/password', makeSignIn('before-change'));
    await fill(user, 'current-password', 'a brand new passphrase');
    expect(await screen.findByText('Password changed')).toBeInTheDocument();
    expect(sentPassword).toBe('a brand new passphrase');
    expect(session.token()).toBe('after-change');
  });
});
