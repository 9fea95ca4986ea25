import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { toApiError } from '@/lib/api/problem';

type Which = { id: string; version?: number | undefined };

function versionQuery(version: number | undefined) {
  return version !== undefined ? { version } : {};
}

// A version's bytes through the API, which checks them against the SHA-256 recorded at upload.
export async function fetchDocumentBlob({ id, version }: Which): Promise<Blob> {
  const result = await api().GET('/api/v1/documents/{id}/content', {
    params: { path: { id }, query: versionQuery(version) },
    parseAs: 'blob',
  });
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.response, result.error);
  return result.data;
}

// With S3 storage the server hands out a short-lived presigned URL, so a large file need not pass
// through the API; with local files it answers 409 and there is none.
async function presignedUrl({ id, version }: Which): Promise<string | null> {
  const result = await api().POST('/api/v1/documents/{id}/download-url', {
    params: { path: { id }, query: versionQuery(version) },
  });
  if (result.response.status === 409) return null;
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.response, result.error);
  return result.data.url;
}

function saveAs(href: string, fileName: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

// Saves a version as a file: from its presigned URL when the server offers one, else through the
// API with the session's token (a plain link cannot send it).
export async function downloadDocument({ id, version, fileName }: Which & { fileName: string }): Promise<void> {
  const url = await presignedUrl({ id, version });
  if (url !== null) {
    saveAs(url, fileName);
    return;
  }
  const objectUrl = URL.createObjectURL(await fetchDocumentBlob({ id, version }));
  saveAs(objectUrl, fileName);
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

export function useDownloadDocument() {
  return useMutation({ mutationFn: downloadDocument, meta: { handlesErrors: true } });
}

// The current version's bytes for a preview, kept while the page is open.
export const documentBlobQuery = (id: string, version: number) =>
  queryOptions({
    queryKey: ['documents', id, 'content', version],
    queryFn: () => fetchDocumentBlob({ id, version }),
    staleTime: Infinity,
    gcTime: 60_000,
  });

export function useDocumentBlob(id: string, version: number, enabled: boolean) {
  return useQuery({ ...documentBlobQuery(id, version), enabled });
}

// Opens a version in a new tab. The tab is opened at once, while the click still counts as the
// user's (a tab opened after the download would be blocked as a pop-up), and shown the file once
// its bytes are here.
export async function openInNewTab({ id, version }: Which): Promise<void> {
  const tab = window.open('', '_blank');
  if (tab !== null) tab.opener = null;
  try {
    const objectUrl = URL.createObjectURL(await fetchDocumentBlob({ id, version }));
    if (tab !== null) tab.location.href = objectUrl;
    else window.location.assign(objectUrl);
    setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}

export function useOpenPdf() {
  return useMutation({ mutationFn: openInNewTab, meta: { handlesErrors: true } });
}
