import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import {
  StorageRefused,
  UploadCancelled,
  UploadNetworkError,
  directUploadOrigin,
  putToStorage,
  uploadForm,
  type UploadProgress,
} from '@/lib/api/upload';
import { ACCEPTED_KINDS, documentTypes, formatBytes, type Document, type DocumentType } from './document-types';

export const uploadSchema = z.object({
  file: z.custom<File>((v) => v instanceof File, 'Choose a file'),
  documentType: z.enum(documentTypes as [DocumentType, ...DocumentType[]], { message: 'Choose the kind of document' }),
  name: z.string().trim().max(255, 'Use at most 255 characters'),
});
export type UploadInput = z.infer<typeof uploadSchema>;
export const uploadFields = ['file', 'documentType', 'name'] as const;

type Progress = { onProgress: (p: UploadProgress) => void; signal?: AbortSignal };

type NewDocument = { caseId: string; values: UploadInput } & Progress;

// The upload-url call names `sizeBytes` where the form has the file.
function onFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.problem === null) return error;
  const errors = error.fieldErrors.map((e) => (e.field === 'sizeBytes' ? { ...e, field: 'file' } : e));
  return new ApiError(error.status, { ...error.problem, errors }, error.retryAfterSeconds);
}

type Slot = { uploadId: string; url: string };

// The slot an upload-url call gave, or null for a 409 (no such URLs with local files); its
// `sizeBytes` errors go on the form's file field.
function slotOf(asked: { data?: Slot; error?: unknown; response: Response }): Slot | null {
  if (asked.response.status === 409) return null;
  try {
    return unwrap(asked);
  } catch (error) {
    throw onFormFields(error);
  }
}

// Straight to storage when the server gives presigned URLs (S3): ask for one, PUT the file to it,
// then have the server check and record it. Null when this way is not open (no upload origin, no
// URLs with local files, a URL elsewhere than the origin the page may reach, or storage out of
// reach from this browser): the caller then sends the file through the API.
async function straightToStorage(
  file: File,
  ask: () => Promise<Slot | null>,
  complete: (uploadId: string) => Promise<Document>,
  { onProgress, signal }: Progress,
): Promise<Document | null> {
  const origin = directUploadOrigin();
  if (origin === '' || file.size === 0) return null;
  const slot = await ask();
  if (slot === null || new URL(slot.url).origin !== origin) return null;
  try {
    await putToStorage(slot.url, file, onProgress, signal);
  } catch (error) {
    if (!(error instanceof UploadNetworkError)) throw error;
    onProgress({ loaded: 0, total: 1 });
    return null;
  }
  return complete(slot.uploadId);
}

export async function uploadDocument(upload: NewDocument): Promise<Document> {
  const { caseId, values } = upload;
  const name = values.name.trim() !== '' ? values.name.trim() : values.file.name;
  const direct = await straightToStorage(
    values.file,
    async () =>
      slotOf(
        await api().POST('/api/v1/cases/{id}/documents/upload-url', {
          params: { path: { id: caseId } },
          body: { name, fileName: values.file.name, documentType: values.documentType, sizeBytes: values.file.size },
        }),
      ),
    async (uploadId) =>
      unwrap(
        await api().POST('/api/v1/cases/{id}/documents/uploads/{uploadId}/complete', {
          params: { path: { id: caseId, uploadId } },
        }),
      ),
    upload,
  );
  return direct ?? uploadThroughApi(upload);
}

function uploadThroughApi({ caseId, values, onProgress, signal }: NewDocument) {
  return uploadForm<Document>(
    `/api/v1/cases/${encodeURIComponent(caseId)}/documents`,
    () => {
      const body = new FormData();
      body.append('documentType', values.documentType);
      if (values.name.trim() !== '') body.append('name', values.name.trim());
      body.append('file', values.file, values.file.name);
      return body;
    },
    onProgress,
    signal,
  );
}

type NewVersion = { documentId: string; file: File } & Progress;

// A new version goes straight to storage too when it can; its number is the one the server
// reserved for it when the upload started.
export async function addDocumentVersion(upload: NewVersion): Promise<Document> {
  const { documentId, file } = upload;
  const direct = await straightToStorage(
    file,
    async () =>
      slotOf(
        await api().POST('/api/v1/documents/{id}/versions/upload-url', {
          params: { path: { id: documentId } },
          body: { name: file.name, sizeBytes: file.size },
        }),
      ),
    async (uploadId) =>
      unwrap(
        await api().POST('/api/v1/documents/{id}/versions/uploads/{uploadId}/complete', {
          params: { path: { id: documentId, uploadId } },
        }),
      ),
    upload,
  );
  return direct ?? addVersionThroughApi(upload);
}

function addVersionThroughApi({ documentId, file, onProgress, signal }: NewVersion) {
  return uploadForm<Document>(
    `/api/v1/documents/${encodeURIComponent(documentId)}/versions`,
    () => {
      const body = new FormData();
      body.append('file', file, file.name);
      return body;
    },
    onProgress,
    signal,
  );
}

function afterUpload(queryClient: ReturnType<typeof useQueryClient>, document: Document) {
  queryClient.setQueryData(['documents', document.id], document);
  return queryClient.invalidateQueries({ queryKey: ['cases', document.caseId, 'documents'] });
}

export function useUploadDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadDocument,
    meta: { handlesErrors: true },
    onSuccess: (document) => afterUpload(queryClient, document),
  });
}

export function useAddDocumentVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addDocumentVersion,
    meta: { handlesErrors: true },
    onSuccess: (document) => afterUpload(queryClient, document),
  });
}

// The limit a 413 names ("… the limit of 26214400 bytes."), if it names one.
function sizeLimit(error: ApiError): number | null {
  const text = [error.problem?.detail ?? '', ...error.fieldErrors.map((e) => e.message)].join(' ');
  const m = /(\d+) bytes/.exec(text);
  return m?.[1] !== undefined ? Number(m[1]) : null;
}

// What to tell the user about a failed upload that is not a field's own error. Null when the
// upload was cancelled (the form says so itself) or for a 422, whose errors go on the fields.
export function uploadFailure(error: unknown): string | null {
  if (error instanceof UploadCancelled) return null;
  if (error instanceof StorageRefused)
    return error.status === 403
      ? 'The document store refused the file: the upload’s permission expired. Try again.'
      : `The document store refused the file (it answered ${error.status}). Try again.`;
  if (error instanceof UploadNetworkError || !(error instanceof ApiError))
    return 'The upload did not reach the server: the connection failed. Check the connection and try again.';
  if (error.status === 413) {
    const limit = sizeLimit(error);
    return limit !== null
      ? `The file is too large. The most a document may be is ${formatBytes(limit)}.`
      : 'The file is too large for the server to accept.';
  }
  if (error.status === 415) {
    const sniffed = /its content is ([^;)]+)/.exec(error.problem?.detail ?? '')?.[1];
    return `This kind of file is not accepted${sniffed !== undefined ? ` (it is ${sniffed})` : ''}. Upload a ${ACCEPTED_KINDS} file.`;
  }
  if (error.status === 403) return 'Your role may not add documents.';
  if (error.status === 404) return 'The case or document is no longer there, or belongs to another centre.';
  return error.problem?.detail ?? error.message;
}
