import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError } from '@/lib/api/problem';
import { UploadCancelled, UploadNetworkError, uploadForm, type UploadProgress } from '@/lib/api/upload';
import { ACCEPTED_KINDS, documentTypes, formatBytes, type Document, type DocumentType } from './document-types';

export const uploadSchema = z.object({
  file: z.custom<File>((v) => v instanceof File, 'Choose a file'),
  documentType: z.enum(documentTypes as [DocumentType, ...DocumentType[]], { message: 'Choose the kind of document' }),
  name: z.string().trim().max(255, 'Use at most 255 characters'),
});
export type UploadInput = z.infer<typeof uploadSchema>;
export const uploadFields = ['file', 'documentType', 'name'] as const;

type Progress = { onProgress: (p: UploadProgress) => void; signal?: AbortSignal };

export function uploadDocument({ caseId, values, onProgress, signal }: { caseId: string; values: UploadInput } & Progress) {
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

export function addDocumentVersion({ documentId, file, onProgress, signal }: { documentId: string; file: File } & Progress) {
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
