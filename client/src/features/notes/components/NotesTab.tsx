import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Card, Checkbox, Group, Modal, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { formatDateTime, humanise } from '@/lib/format';
import { applyApiErrors, errorMessage } from '@/lib/forms';
import { useUrlFilters } from '@/lib/search-params';
import { useCreateNote } from '../api/create-note';
import { useNoteRevisions } from '../api/list-note-revisions';
import { noteTypes, useNotes, type Note, type NoteType } from '../api/list-notes';
import { noteFields, noteSchema, type NoteInput } from '../api/note-form';
import { useUpdateNote } from '../api/update-note';

function NoteForm({ caseId, note, onDone }: { caseId: string; note?: Note; onDone: () => void }) {
  const create = useCreateNote();
  const update = useUpdateNote();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<NoteInput>({
    resolver: zodResolver(noteSchema),
    defaultValues: { type: note?.type ?? 'call', body: note?.body ?? '', pinned: note?.pinned ?? false },
  });
  const { errors } = form.formState;
  const label = note === undefined ? 'Add a note' : 'Edit the note';
  const onError = (error: unknown) => setFormError(applyApiErrors(error, noteFields, form.setError));
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    if (note === undefined) create.mutate({ caseId, values }, { onSuccess: () => { form.reset(); onDone(); }, onError });
    else update.mutate({ caseId, noteId: note.id, body: { type: values.type, body: values.body } }, { onSuccess: onDone, onError });
  });
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <NativeSelect
          label="Type"
          data={noteTypes.map((t) => ({ value: t, label: humanise(t) }))}
          error={errors.type?.message}
          {...form.register('type')}
        />
        <Textarea label="Note" required autosize minRows={3} error={errors.body?.message} {...form.register('body')} />
        {note === undefined && <Checkbox label="Pin to the top" {...form.register('pinned')} />}
        {note !== undefined && (
          <Text size="sm" c="gray.7">
            Saving makes revision {note.revision + 1}; the earlier text stays readable.
          </Text>
        )}
        <Group>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {note === undefined ? 'Add note' : 'Save revision'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Revisions({ caseId, noteId }: { caseId: string; noteId: string }) {
  const revisions = useNoteRevisions(caseId, noteId);
  if (revisions.isPending) return <LoadingState label="Loading the revisions…" />;
  if (revisions.isError) return <ErrorState error={revisions.error} onRetry={() => void revisions.refetch()} />;
  return (
    <Stack gap="xs" component="ol" aria-label="Revisions" style={{ listStyle: 'none', padding: 0 }}>
      {revisions.data.items.map((r) => (
        <li key={r.revision}>
          <Text size="xs" c="gray.7" fw={600}>
            Revision {r.revision} ({humanise(r.type)}), {formatDateTime(r.editedAt)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.body}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

function NoteCard({ caseId, note }: { caseId: string; note: Note }) {
  const update = useUpdateNote();
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pin = () => {
    setError(null);
    update.mutate({ caseId, noteId: note.id, body: { pinned: !note.pinned } }, { onError: (e) => setError(errorMessage(e)) });
  };
  return (
    <Card withBorder component="article" aria-label={`${humanise(note.type)} note, ${formatDateTime(note.createdAt)}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Badge variant="outline" color="indigo">
              {humanise(note.type)}
            </Badge>
            {note.pinned && (
              <Badge variant="outline" color="grape">
                Pinned
              </Badge>
            )}
            <Text size="xs" c="gray.7">
              {formatDateTime(note.createdAt)}
              {note.revision > 1 && ` · revision ${note.revision}, edited ${formatDateTime(note.updatedAt)}`}
            </Text>
          </Group>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={pin} loading={update.isPending}>
              {note.pinned ? 'Unpin' : 'Pin'}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              Edit
            </Button>
            {note.revision > 1 && (
              <Button size="xs" variant="default" onClick={() => setHistory((h) => !h)} aria-expanded={history}>
                {history ? 'Hide revisions' : 'Show revisions'}
              </Button>
            )}
          </Group>
        </Group>
        {error !== null && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {note.body}
        </Text>
        {history && <Revisions caseId={caseId} noteId={note.id} />}
      </Stack>
      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit the note" size="lg">
        <NoteForm caseId={caseId} note={note} onDone={() => setEditing(false)} />
      </Modal>
    </Card>
  );
}

function isNoteType(value: string | undefined): value is NoteType {
  return noteTypes.some((t) => t === value);
}

// A case's notes, filtered by type and to pinned ones only; the filters are kept in the URL.
export function NotesTab({ caseId }: { caseId: string }) {
  const [filters, setFilters] = useUrlFilters(['noteType', 'pinned'] as const);
  const type = isNoteType(filters.noteType) ? filters.noteType : undefined;
  const pinnedOnly = filters.pinned === 'true';
  const notes = useNotes(caseId, { type, pinnedOnly });
  const filtered = type !== undefined || pinnedOnly;
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Notes
        </Title>
        <Button onClick={() => setAdding(true)}>Add a note</Button>
      </Group>
      <Group align="flex-end" role="group" aria-label="Show notes">
        <NativeSelect
          label="Type"
          value={type ?? ''}
          data={[{ value: '', label: 'Every type' }, ...noteTypes.map((t) => ({ value: t, label: humanise(t) }))]}
          onChange={(e) => setFilters({ noteType: e.currentTarget.value })}
        />
        <Checkbox label="Pinned only" checked={pinnedOnly} onChange={(e) => setFilters({ pinned: e.currentTarget.checked ? 'true' : undefined })} mb={8} />
      </Group>
      {notes.isPending && <LoadingState label="Loading the notes…" />}
      {notes.isError && <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />}
      {notes.isSuccess && notes.data.items.length === 0 && <EmptyState>{filtered ? 'No notes match.' : 'No notes on this case yet.'}</EmptyState>}
      {notes.isSuccess && notes.data.items.map((n) => <NoteCard key={n.id} caseId={caseId} note={n} />)}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a note" size="lg">
        <NoteForm caseId={caseId} onDone={() => setAdding(false)} />
      </Modal>
    </Stack>
  );
}
