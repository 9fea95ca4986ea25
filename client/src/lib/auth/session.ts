import type { components } from '@/types/api';

export type User = components['schemas']['User'];
export type SignIn = components['schemas']['SignIn'];

// Where the page stands with the server. The access token lives only in this module's memory;
// the refresh token is the httpOnly cookie, out of reach of any script.
export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: User }
  // The session ended while the page was in use (the refresh failed): the screen stays as it was,
  // with what the user typed, under a sign-in prompt.
  | { status: 'expired'; user: User };

type Listener = (state: SessionState) => void;

let state: SessionState = { status: 'restoring' };
let accessToken: string | null = null;
const listeners = new Set<Listener>();

function publish(next: SessionState): void {
  state = next;
  for (const l of listeners) l(state);
}

export const session = {
  state: (): SessionState => state,
  token: (): string | null => accessToken,
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signedIn(signIn: SignIn): void {
    accessToken = signIn.accessToken;
    publish({ status: 'signedIn', user: signIn.user });
  },
  updateUser(user: User): void {
    if (state.status === 'signedIn') publish({ status: 'signedIn', user });
  },
  signedOut(): void {
    accessToken = null;
    publish({ status: 'signedOut' });
  },
  expired(): void {
    accessToken = null;
    if (state.status === 'signedIn') publish({ status: 'expired', user: state.user });
    else if (state.status !== 'expired') publish({ status: 'signedOut' });
  },
};
