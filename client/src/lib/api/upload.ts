import { session } from '@/lib/auth/session';
import { apiUrl, renewAccessToken } from './client';
import { toApiError } from './problem';

// How far an upload has gone: bytes of the request body sent so far, out of its total.
export type UploadProgress = { loaded: number; total: number };

// The upload was stopped by the user before the server answered.
export class UploadCancelled extends Error {
  constructor() {
    super('The upload was cancelled.');
    this.name = 'UploadCancelled';
  }
}

// Storage refused the bytes sent to a presigned URL (its status: 403 when the URL expired).
export class StorageRefused extends Error {
  constructor(readonly status: number) {
    super(`The document store refused the file (it answered ${status}).`);
    this.name = 'StorageRefused';
  }
}

// The server could not be reached, or the connection dropped mid-way.
export class UploadNetworkError extends Error {
  constructor() {
    super('The connection failed during the upload.');
    this.name = 'UploadNetworkError';
  }
}

type Answer = { status: number; headers: Headers; body: unknown };

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return headers;
}

type Request = { method: 'POST' | 'PUT'; url: string; body: FormData | Blob; token: string | null };

function send({ method, url, body, token }: Request, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new UploadCancelled());
      return;
    }
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => signal?.removeEventListener('abort', abort);
    xhr.open(method, url);
    if (token !== null) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress({ loaded: e.loaded, total: e.total });
    });
    xhr.addEventListener('load', () => {
      done();
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText === '' ? null : JSON.parse(xhr.responseText);
      } catch {
        parsed = null;
      }
      resolve({ status: xhr.status, headers: parseHeaders(xhr.getAllResponseHeaders()), body: parsed });
    });
    xhr.addEventListener('error', () => {
      done();
      reject(new UploadNetworkError());
    });
    xhr.addEventListener('abort', () => {
      done();
      reject(new UploadCancelled());
    });
    xhr.send(body);
  });
}

// POSTs a multipart form with the session's token, reporting the body's progress as it is sent
// (fetch has no upload progress, XMLHttpRequest does). A 401 is retried once after a refresh, as
// every other API call is. Resolves with the JSON answer; rejects with ApiError for an error
// answer, UploadCancelled when `signal` aborts it, UploadNetworkError when no answer came.
export async function uploadForm<T>(
  path: string,
  makeBody: () => FormData,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  const url = apiUrl(path);
  const token = session.token();
  let answer = await send({ method: 'POST', url, body: makeBody(), token }, onProgress, signal);
  if (answer.status === 401) {
    const fresh = await renewAccessToken(token);
    if (fresh !== null) {
      onProgress({ loaded: 0, total: 1 });
      answer = await send({ method: 'POST', url, body: makeBody(), token: fresh }, onProgress, signal);
    }
  }
  if (answer.status >= 200 && answer.status < 300) return answer.body as T;
  throw toApiError(new Response(null, { status: answer.status, headers: answer.headers }), answer.body);
}


// Where documents may be sent straight to storage (/config.json's uploadOrigin); '' when they go
// through the API.
let storageOrigin = '';

export function configureDirectUploads(origin: string): void {
  storageOrigin = origin;
}

export function directUploadOrigin(): string {
  return storageOrigin;
}

// PUTs a file to a presigned storage URL, reporting its progress. No token is sent: the URL is the
// permission, and storage is not the API. Rejects with StorageRefused for an error answer,
// UploadCancelled when `signal` aborts it, UploadNetworkError when no answer came.
export async function putToStorage(url: string, file: Blob, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<void> {
  const answer = await send({ method: 'PUT', url, body: file, token: null }, onProgress, signal);
  if (answer.status < 200 || answer.status >= 300) throw new StorageRefused(answer.status);
}
