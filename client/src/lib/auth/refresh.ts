import { session, type SignIn } from './session';

// Refresh tokens rotate and may be presented once: a second use revokes the whole family, signing
// out every tab. So refreshing is single-flight — within this tab through one shared promise, and
// across tabs through a Web Lock, held while the cookie is spent and replaced. A tab that waited
// for the lock then presents the new cookie, which the other tab's refresh already set.
const LOCK_NAME = 'cma-session-refresh';

export type RefreshCall = () => Promise<SignIn | null>;

let inFlight: Promise<string | null> | null = null;

async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks === undefined) return work();
  return locks.request(LOCK_NAME, { mode: 'exclusive' }, work) as Promise<T>;
}

// Returns a fresh access token, or null when the session cannot be renewed. `staleToken` is the
// token a request was refused with: if another refresh has already replaced it, that one is used.
export function refreshAccessToken(call: RefreshCall, staleToken: string | null): Promise<string | null> {
  const current = session.token();
  if (current !== null && current !== staleToken) return Promise.resolve(current);
  inFlight ??= withRefreshLock(async () => {
    const signIn = await call();
    if (signIn === null) return null;
    session.signedIn(signIn);
    return signIn.accessToken;
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}
