import createClient, { type Client } from 'openapi-fetch';
import { refreshAccessToken } from '@/lib/auth/refresh';
import { session, type SignIn } from '@/lib/auth/session';
import type { paths } from '@/types/api';
import { toApiError } from './problem';

const AUTH_PATHS = ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout'];

function withToken(request: Request, token: string | null): Request {
  const headers = new Headers(request.headers);
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

export type ApiClient = Client<paths>;

let client: ApiClient | null = null;
let apiBase = '';

// POST /auth/refresh with the cookie; the new access token, or null if the session is over.
async function callRefresh(baseUrl: string): Promise<SignIn | null> {
  try {
    const response = await fetch(`${baseUrl}/api/v1/auth/refresh`, {
      method: 'POST',
      credentials: 'include',
    });
    if (!response.ok) return null;
    return (await response.json()) as SignIn;
  } catch {
    return null;
  }
}

// Sends the access token; on a 401 refreshes once (single-flight, see refresh.ts) and retries.
// When the refresh fails the session has expired: the screen stays, under a sign-in prompt.
export function createAuthedFetch(baseUrl: string): (request: Request) => Promise<Response> {
  return async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (AUTH_PATHS.includes(path)) return fetch(new Request(request, { credentials: 'include' }));
    const retry = request.clone();
    const token = session.token();
    const first = await fetch(withToken(request, token));
    if (first.status !== 401) return first;
    const fresh = await refreshAccessToken(() => callRefresh(baseUrl), token);
    if (fresh === null) {
      session.expired();
      return first;
    }
    return fetch(withToken(retry, fresh));
  };
}

export function configureApi(baseUrl: string): ApiClient {
  apiBase = baseUrl;
  client = createClient<paths>({ baseUrl, fetch: createAuthedFetch(baseUrl) });
  return client;
}

export function api(): ApiClient {
  if (client === null) throw new Error('configureApi() must run before the first API call');
  return client;
}

// An absolute URL for a path the API gives (e.g. a calendar feed's), on the API's origin.
export function apiUrl(path: string): string {
  return new URL(path, apiBase === '' ? window.location.origin : apiBase).toString();
}

// After a 401: a fresh access token (single-flight with every other refresh), or null when the
// session has ended, which then shows the sign-in prompt. For requests made outside fetch.
export async function renewAccessToken(staleToken: string | null): Promise<string | null> {
  const fresh = await refreshAccessToken(() => callRefresh(apiBase), staleToken);
  if (fresh === null) session.expired();
  return fresh;
}

export function restoreSession(baseUrl: string): Promise<string | null> {
  return refreshAccessToken(() => callRefresh(baseUrl), null);
}

// The data of a successful call, or throws its ApiError.
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.response, result.error);
  return result.data as T;
}

// For calls whose success has no body (204).
export function expectOk(result: { error?: unknown; response: Response }): void {
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.response, result.error);
}
