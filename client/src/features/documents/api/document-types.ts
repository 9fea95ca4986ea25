import type { components } from '@/types/api';

export type Document = components['schemas']['Document'];
export type DocumentVersion = components['schemas']['DocumentVersion'];
export type DocumentType = components['schemas']['DocumentType'];
export type ExtractionStatus = Document['extractionStatus'];

export const documentTypes: readonly DocumentType[] = ['bank_statement', 'payslip', 'creditor_letter', 'court_papers', 'benefit_letter', 'id', 'other'];

const typeLabels: Record<DocumentType, string> = {
  bank_statement: 'Bank statement',
  payslip: 'Payslip',
  creditor_letter: 'Creditor letter',
  court_papers: 'Court papers',
  benefit_letter: 'Benefit letter',
  id: 'ID',
  other: 'Other',
};

export function documentTypeLabel(type: DocumentType): string {
  return typeLabels[type];
}

// What the server accepts, judged by the bytes (docs/documents.md); said when it refuses a file.
export const ACCEPTED_KINDS = 'PDF, PNG, JPEG, TIFF, DOCX, XLSX or plain text';
// A hint for the browser's file picker; the server has the last word on the bytes.
export const ACCEPT_ATTRIBUTE = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.docx,.xlsx,.txt,application/pdf,image/png,image/jpeg,image/tiff,text/plain';

// 1234567 → "1.2 MB", in the 1024-based units file managers show.
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit] ?? 'GB'}`;
}

export function previewKind(contentType: string): 'pdf' | 'image' | null {
  if (contentType === 'application/pdf') return 'pdf';
  // TIFF is accepted but few browsers draw it.
  if (contentType === 'image/png' || contentType === 'image/jpeg') return 'image';
  return null;
}
