import { Anchor, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import { linkTo } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useUrlFilters } from '@/lib/search-params';
import { documentTypeLabel, formatBytes } from '../api/document-types';
import { useDocuments } from '../api/list-documents';
import { ExtractionBadge } from './ExtractionBadge';
import { UploadDocumentForm } from './UploadForm';

// A case's documents, newest first, a page at a time (the cursor in the URL), and the upload.
// `canWrite`: the caller's role may upload (the API's `cases_write`; it stays the authority).
export function CaseDocumentsTab({ caseId, canWrite, userName }: { caseId: string; canWrite: boolean; userName: (id: string) => string }) {
  const [{ cursor }, setFilters] = useUrlFilters(['cursor'] as const);
  const documents = useDocuments(caseId, cursor);
  const [uploading, setUploading] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Documents
        </Title>
        {canWrite && <Button onClick={() => setUploading(true)}>Upload a document</Button>}
      </Group>
      {documents.isPending && <LoadingState label="Loading the documents…" />}
      {documents.isError && <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />}
      {documents.isSuccess && documents.data.items.length === 0 && (
        <EmptyState>{cursor === undefined ? 'No documents on this case yet.' : 'No more documents.'}</EmptyState>
      )}
      {documents.isSuccess && documents.data.items.length > 0 && (
        <Table striped aria-label="Documents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">Size</Table.Th>
              <Table.Th scope="col">Uploaded</Table.Th>
              <Table.Th scope="col">Text</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.data.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Anchor component={Link} to={linkTo.document(d.id)}>
                    {d.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{documentTypeLabel(d.documentType)}</Table.Td>
                <Table.Td>{d.currentVersion}</Table.Td>
                <Table.Td>{formatBytes(d.sizeBytes)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(d.updatedAt)}</Text>
                  <Text size="xs" c="gray.7">
                    by {userName(d.uploadedBy)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ExtractionBadge status={d.extractionStatus} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {documents.isSuccess && (cursor !== undefined || documents.data.nextCursor !== null) && (
        <Pager cursor={cursor} nextCursor={documents.data.nextCursor} onChange={(c) => setFilters({ cursor: c }, true)} />
      )}
      <Modal opened={uploading} onClose={() => setUploading(false)} title="Upload a document" size="lg" closeOnClickOutside={false}>
        <UploadDocumentForm
          caseId={caseId}
          onDone={() => {
            // The new document is the newest: it heads the first page.
            setUploading(false);
            setFilters({ cursor: undefined });
          }}
        />
      </Modal>
    </Stack>
  );
}
