import { http, HttpResponse } from 'msw';
import type { components, paths } from '@/types/api';

export const API_BASE = 'http://localhost';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Responses<P extends keyof paths, M extends Method> = Operation<P, M> extends { responses: infer R } ? R : never;
// The JSON body the contract gives for one status of an operation.
type Body<P extends keyof paths, M extends Method, S extends keyof Responses<P, M>> = Responses<P, M>[S] extends {
  content: { 'application/json': infer T };
}
  ? T
  : Responses<P, M>[S] extends { content: { 'application/problem+json': infer T } }
    ? T
    : never;

export type Problem = components['schemas']['Problem'];

function route(path: string): string {
  return API_BASE + path.replace(/\{(\w+)\}/g, ':$1');
}

// A handler whose replies are checked against the contract's types for that path and method.
type Reply<P extends keyof paths, M extends Method> =
  | {
      [S in keyof Responses<P, M>]: { status: S; body: Body<P, M, S>; headers?: Record<string, string> };
    }[keyof Responses<P, M>]
  | { status: 204 };

export function on<P extends keyof paths, M extends Method>(
  method: M,
  path: P,
  reply: (info: {
    request: Request;
    params: Record<string, string | readonly string[] | undefined>;
    call: number;
  }) => Reply<P, M> | Promise<Reply<P, M>>,
) {
  let call = 0;
  return http[method](route(path), async ({ request, params }) => {
    call += 1;
    const r = await reply({ request, params, call });
    if (!('body' in r)) return new HttpResponse(null, { status: 204 });
    const problem = Number(r.status) >= 400;
    return HttpResponse.json(r.body as object, {
      status: Number(r.status),
      headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json', ...(r.headers ?? {}) },
    });
  });
}

export function problem(status: number, type: Problem['type'], detail: string, errors?: Problem['errors']): Problem {
  return { type, title: type.slice('/problems/'.length), status, detail, requestId: 'test-request', ...(errors ? { errors } : {}) };
}

export function makeUser(overrides: Partial<components['schemas']['User']> = {}): components['schemas']['User'] {
  return {
    id: '01900000-0000-7000-8000-000000000001',
    centreId: '01900000-0000-7000-8000-0000000000c1',
    email: 'ada@example.org',
    firstName: 'Ada',
    lastName: 'Admin',
    role: 'admin',
    status: 'active',
    lastLoginAt: null,
    createdAt: '2026-01-01T09:00:00.000000Z',
    updatedAt: '2026-01-01T09:00:00.000000Z',
    ...overrides,
  };
}

export function makeSignIn(token: string, user = makeUser()): components['schemas']['SignIn'] {
  return { accessToken: token, tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 1209600, user };
}
