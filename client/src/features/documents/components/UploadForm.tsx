import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Input, NativeSelect, Paper, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ApiError } from '@/lib/api/problem';
import type { UploadProgress } from '@/lib/api/upload';
import { applyApiErrors } from '@/lib/forms';
import { ACCEPT_ATTRIBUTE, ACCEPTED_KINDS, documentTypeLabel, documentTypes, formatBytes, type Document } from '../api/document-types';
import { uploadFailure, uploadFields, uploadSchema, useAddDocumentVersion, useUploadDocument, type UploadInput } from '../api/upload-document';

// A file picker that also takes a file dropped onto it.
function FilePicker({ file, onChange, error, label }: { file: File | undefined; onChange: (f: File | undefined) => void; error?: string | undefined; label: string }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped !== undefined) onChange(dropped);
  };
  return (
    <Input.Wrapper label={label} required error={error} labelProps={{ htmlFor: id }} description={`${ACCEPTED_KINDS}.`}>
      <Paper
        withBorder
        p="md"
        mt={4}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        style={{ borderStyle: 'dashed', background: over ? 'var(--mantine-color-blue-0)' : undefined }}
      >
        <Stack gap={4}>
          <Text size="sm">Drag a file here, or choose one:</Text>
          <input id={id} type="file" accept={ACCEPT_ATTRIBUTE} onChange={(e) => onChange(e.currentTarget.files?.[0])} />
          {file !== undefined && (
            <Text size="sm" c="gray.7">
              {file.name}, {formatBytes(file.size)}
            </Text>
          )}
        </Stack>
      </Paper>
    </Input.Wrapper>
  );
}

function UploadProgressBar({ progress, onCancel }: { progress: UploadProgress; onCancel: () => void }) {
  const percent = progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;
  return (
    <Stack gap={4}>
      <Progress value={percent} aria-label="Upload progress" />
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {percent < 100 ? `Uploading… ${percent}% (${formatBytes(progress.loaded)} of ${formatBytes(progress.total)})` : 'Sent; the server is checking and storing the file…'}
        </Text>
        <Button size="xs" variant="default" onClick={onCancel}>
          Cancel upload
        </Button>
      </Group>
    </Stack>
  );
}

// While an upload runs: its progress and the means to stop it. Leaving the form (closing its
// dialog) stops it too, rather than leave it running out of sight.
function useUploadRun() {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  return {
    progress,
    cancelled,
    start: () => {
      controller.current = new AbortController();
      setCancelled(false);
      setProgress({ loaded: 0, total: 0 });
      return { signal: controller.current.signal, onProgress: setProgress };
    },
    finish: () => {
      controller.current = null;
      setProgress(null);
    },
    cancel: () => {
      controller.current?.abort();
      setCancelled(true);
    },
  };
}

// Uploads a new document to a case: the file, what kind of document it is, and the name to show.
export function UploadDocumentForm({ caseId, onDone }: { caseId: string; onDone: (d: Document) => void }) {
  const upload = useUploadDocument();
  const run = useUploadRun();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UploadInput>({
    resolver: zodResolver(uploadSchema),
    defaultValues: { file: undefined, documentType: undefined, name: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    upload.mutate(
      { caseId, values, ...run.start() },
      {
        onSuccess: (d) => {
          form.reset();
          onDone(d);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 422) setFormError(applyApiErrors(error, uploadFields, form.setError));
          else setFormError(uploadFailure(error));
        },
        onSettled: () => run.finish(),
      },
    );
  });
  const busy = run.progress !== null;
  return (
    <form onSubmit={submit} noValidate aria-label="Upload a document">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert" title="The document was not uploaded">
            {formError}
          </Alert>
        )}
        {run.cancelled && !busy && (
          <Alert color="gray" role="status">
            The upload was cancelled; nothing was added.
          </Alert>
        )}
        <Controller
          control={form.control}
          name="file"
          render={({ field }) => (
            <FilePicker
              label="File"
              file={field.value}
              error={errors.file?.message}
              onChange={(f) => {
                field.onChange(f);
                setFormError(null);
              }}
            />
          )}
        />
        <NativeSelect
          label="Kind of document"
          required
          data={[{ value: '', label: 'Choose…' }, ...documentTypes.map((t) => ({ value: t, label: documentTypeLabel(t) }))]}
          error={errors.documentType?.message}
          {...form.register('documentType', { setValueAs: (v: string) => (v === '' ? undefined : v) })}
        />
        <TextInput label="Name to show" description="Leave empty to use the file's own name." error={errors.name?.message} {...form.register('name')} />
        {run.progress !== null && <UploadProgressBar progress={run.progress} onCancel={run.cancel} />}
        <Group>
          <Button type="submit" disabled={busy}>
            Upload
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// Uploads a new version of a document; the earlier versions stay readable.
export function NewVersionForm({ documentId, currentVersion, onDone }: { documentId: string; currentVersion: number; onDone: (d: Document) => void }) {
  const add = useAddDocumentVersion();
  const run = useUploadRun();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (file === undefined) {
      setFileError('Choose a file');
      return;
    }
    setFileError(undefined);
    add.mutate(
      { documentId, file, ...run.start() },
      {
        onSuccess: (d) => {
          setFile(undefined);
          onDone(d);
        },
        onError: (error) => {
          const fileField = error instanceof ApiError && error.status === 422 ? error.fieldErrors.find((f) => f.field === 'file') : undefined;
          if (fileField !== undefined) setFileError(fileField.message.charAt(0).toUpperCase() + fileField.message.slice(1));
          else setFormError(uploadFailure(error));
        },
        onSettled: () => run.finish(),
      },
    );
  };
  const busy = run.progress !== null;
  return (
    <form onSubmit={submit} noValidate aria-label="Upload a new version">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert" title="The new version was not uploaded">
            {formError}
          </Alert>
        )}
        {run.cancelled && !busy && (
          <Alert color="gray" role="status">
            The upload was cancelled; nothing was added.
          </Alert>
        )}
        <FilePicker label="File" file={file} error={fileError} onChange={setFile} />
        <Text size="sm" c="gray.7">
          It becomes version {currentVersion + 1}; the earlier versions stay readable.
        </Text>
        {run.progress !== null && <UploadProgressBar progress={run.progress} onCancel={run.cancel} />}
        <Group>
          <Button type="submit" disabled={busy}>
            Upload version
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
