import { Alert, Anchor, Badge, Button, Card, Code, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/ListStates';
import { linkTo } from '@/config/paths';
import { ApiError } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';
import { errorMessage } from '@/lib/forms';
import { useDeleteDocument } from '../api/delete-document';
import { documentTypeLabel, formatBytes, previewKind, type Document } from '../api/document-types';
import { useDocumentBlob, useDownloadDocument, useOpenPdf } from '../api/download-document';
import { EXTRACTION_POLL_MS, useDocument } from '../api/get-document';
import { ExtractionBadge } from './ExtractionBadge';
import { NewVersionForm } from './UploadForm';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

// The text read out of the current version, and where its extraction stands. While it is
// pending the document is read again every few seconds (see get-document.ts).
function ExtractedText({ d }: { d: Document }) {
  return (
    <Card withBorder component="section" aria-labelledby="extracted-text-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="extracted-text-heading">
            Extracted text
          </Title>
          <ExtractionBadge status={d.extractionStatus} />
        </Group>
        {d.extractionStatus === 'pending' && (
          <Group gap="xs" role="status" aria-live="polite">
            <Loader size="xs" aria-hidden />
            <Text size="sm">The text is being extracted. This page checks again every {EXTRACTION_POLL_MS / 1000} seconds.</Text>
          </Group>
        )}
        {d.extractionStatus === 'failed' && (
          <Alert color="red" role="alert" title="The text could not be extracted">
            {d.extractionError !== null && d.extractionError !== undefined && d.extractionError !== '' ? d.extractionError : 'The server gave no reason.'}
          </Alert>
        )}
        {d.extractionStatus === 'not_applicable' && <Text size="sm">This kind of file has no text to extract.</Text>}
        {d.extractionStatus === 'done' && (
          <>
            {d.extractionConfidence !== null && d.extractionConfidence !== undefined && (
              <Text size="sm">
                Read by OCR from a scanned image; mean word confidence {Math.round(d.extractionConfidence)}%. Check names and figures against the
                document.
              </Text>
            )}
            {d.extractedText !== null && d.extractedText !== undefined && d.extractedText.trim() !== '' ? (
              <Text
                size="sm"
                component="div"
                role="region"
                aria-label="Text of the document"
                style={{ whiteSpace: 'pre-wrap', maxHeight: '24rem', overflowY: 'auto', fontFamily: 'var(--mantine-font-family-monospace)' }}
                tabIndex={0}
              >
                {d.extractedText}
              </Text>
            ) : (
              <Text size="sm">No text was found in this document.</Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

// Images and PDFs are drawn in the page from their bytes, fetched through the API (which checks
// them against the SHA-256 recorded at upload). A PDF is shown in a frame by the browser's own PDF
// viewer; the app's Content-Security-Policy allows frames of blob: URLs the page made itself and
// nothing else. The PDF can also open in a tab of its own. Anything else can only be downloaded.
function Preview({ d }: { d: Document }) {
  const kind = previewKind(d.contentType);
  const bytes = useDocumentBlob(d.id, d.currentVersion, kind !== null);
  const pdf = useOpenPdf();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (bytes.data === undefined || kind === null) return;
    // The type is the one sniffed at upload, never what the response says, so the frame can only
    // ever hold a PDF or an image.
    const made = URL.createObjectURL(new Blob([bytes.data], { type: kind === 'pdf' ? 'application/pdf' : d.contentType }));
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [bytes.data, kind, d.contentType]);
  const label = `Version ${d.currentVersion} of ${d.name}`;
  return (
    <Card withBorder component="section" aria-labelledby="preview-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="preview-heading">
          Preview
        </Title>
        {kind === null && <Text size="sm">There is no preview of this kind of file ({d.contentType}); download it to open it.</Text>}
        {kind === 'pdf' && (
          <Group>
            <Button variant="default" onClick={() => pdf.mutate({ id: d.id, version: d.currentVersion })} loading={pdf.isPending}>
              Open the PDF in a new tab
            </Button>
          </Group>
        )}
        {pdf.isError && (
          <Alert color="red" role="alert">
            {errorMessage(pdf.error)}
          </Alert>
        )}
        {bytes.isError && <ErrorState error={bytes.error} onRetry={() => void bytes.refetch()} />}
        {kind !== null && bytes.isPending && <LoadingState label="Loading the preview…" />}
        {kind === 'image' && url !== null && (
          <img src={url} alt={label} style={{ maxWidth: '100%', maxHeight: '40rem', objectFit: 'contain' }} />
        )}
        {kind === 'pdf' && url !== null && (
          <iframe src={url} title={`PDF preview: ${label}`} style={{ width: '100%', height: '40rem', border: '1px solid var(--mantine-color-gray-4)' }} />
        )}
      </Stack>
    </Card>
  );
}

function Versions({ d, userName }: { d: Document; userName: (id: string) => string }) {
  const download = useDownloadDocument();
  const versions = d.versions ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="versions-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="versions-heading">
          Versions
        </Title>
        {download.isError && (
          <Alert color="red" role="alert">
            {errorMessage(download.error)}
          </Alert>
        )}
        <Table aria-label="Versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">File</Table.Th>
              <Table.Th scope="col">Size</Table.Th>
              <Table.Th scope="col">Uploaded</Table.Th>
              <Table.Th scope="col">Text</Table.Th>
              <Table.Th scope="col">Download</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>
                  {v.version}
                  {v.version === d.currentVersion && (
                    <Badge ml="xs" variant="outline" size="sm">
                      Current
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{v.fileName}</Text>
                  <Text size="xs" c="gray.7">
                    {v.contentType}
                  </Text>
                </Table.Td>
                <Table.Td>{formatBytes(v.sizeBytes)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(v.createdAt)}</Text>
                  <Text size="xs" c="gray.7">
                    by {userName(v.uploadedBy)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ExtractionBadge status={v.extractionStatus} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`Download version ${v.version}`}
                    loading={download.isPending && download.variables.version === v.version}
                    onClick={() => download.mutate({ id: d.id, version: v.version, fileName: v.fileName })}
                  >
                    Download
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

function DeleteButton({ d }: { d: Document }) {
  const remove = useDeleteDocument();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button color="red" variant="light" onClick={() => setAsking(true)}>
        Delete
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Delete this document?">
        <Stack>
          <Text size="sm">
            “{d.name}” and {d.currentVersion === 1 ? 'its one version' : `all ${d.currentVersion} versions`} will no longer be listed or readable on the case. The
            record of it is kept.
          </Text>
          {remove.isError && (
            <Alert color="red" role="alert">
              {errorMessage(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate({ id: d.id, caseId: d.caseId }, { onSuccess: () => navigate(linkTo.case(d.caseId, 'documents')) })}
            >
              Delete document
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

// One document: what it is, its preview, its versions (each downloadable), its extracted text,
// and (for roles that may change the case) a new version and deleting it.
export function DocumentPage({ id, canWrite, userName }: { id: string; canWrite: boolean; userName: (id: string) => string }) {
  const doc = useDocument(id);
  const download = useDownloadDocument();
  const [newVersion, setNewVersion] = useState(false);
  if (doc.isPending) return <LoadingState label="Loading the document…" />;
  if (doc.isError) {
    if (doc.error instanceof ApiError && doc.error.status === 404)
      return (
        <Stack>
          <Title order={1}>Document not found</Title>
          <Text>There is no such document: it was deleted, or it belongs to another centre.</Text>
        </Stack>
      );
    return <ErrorState error={doc.error} onRetry={() => void doc.refetch()} />;
  }
  const d = doc.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{d.name}</Title>
          <Anchor component={Link} to={linkTo.case(d.caseId, 'documents')}>
            Back to the case’s documents
          </Anchor>
        </Stack>
        <Group>
          <Button
            onClick={() => download.mutate({ id: d.id, fileName: d.versions?.find((v) => v.version === d.currentVersion)?.fileName ?? d.name })}
            loading={download.isPending}
          >
            Download
          </Button>
          {canWrite && (
            <Button variant="default" onClick={() => setNewVersion(true)}>
              Upload a new version
            </Button>
          )}
          {canWrite && <DeleteButton d={d} />}
        </Group>
      </Group>
      {download.isError && (
        <Alert color="red" role="alert" title="The download failed">
          {errorMessage(download.error)}
        </Alert>
      )}
      <Card withBorder component="section" aria-label="Details">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label="Kind">{documentTypeLabel(d.documentType)}</Fact>
          <Fact label="Current version">{d.currentVersion}</Fact>
          <Fact label="File type">{d.contentType}</Fact>
          <Fact label="Size">{formatBytes(d.sizeBytes)}</Fact>
          <Fact label="Added">
            {formatDateTime(d.createdAt)} by {userName(d.uploadedBy)}
          </Fact>
          <Fact label="Last changed">{formatDateTime(d.updatedAt)}</Fact>
          <Fact label="SHA-256">
            <Code style={{ wordBreak: 'break-all' }}>{d.sha256}</Code>
          </Fact>
        </SimpleGrid>
      </Card>
      <ExtractedText d={d} />
      <Preview d={d} />
      <Versions d={d} userName={userName} />
      <Modal opened={newVersion} onClose={() => setNewVersion(false)} title="Upload a new version" size="lg" closeOnClickOutside={false}>
        <NewVersionForm documentId={d.id} currentVersion={d.currentVersion} onDone={() => setNewVersion(false)} />
      </Modal>
    </Stack>
  );
}
