import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorState, LoadingState } from '@/components/ListStates';
import { formatDateTime } from '@/lib/format';
import { errorMessage } from '@/lib/forms';
import { useCompliance, type CaseCompliance, type ComplianceItem } from '../api/get-compliance';
import { useTickCompliance } from '../api/tick-compliance';

// A note of the case that can stand as evidence for a tick.
export type EvidenceOption = { id: string; label: string };

const STATUS: Record<CaseCompliance['status'], { label: string; color: string; text: string }> = {
  compliant: { label: 'Compliant', color: 'teal', text: 'Every item is satisfied: the case can be closed.' },
  incomplete: { label: 'Incomplete', color: 'indigo', text: 'Some items are not yet satisfied.' },
  overdue: {
    label: 'Overdue',
    color: 'red',
    text: 'Some items are not yet satisfied, and the case has been open more than 28 days or its review date has passed.',
  },
};

function Item({ caseId, item, editable, evidence }: { caseId: string; item: ComplianceItem; editable: boolean; evidence: EvidenceOption[] }) {
  const tick = useTickCompliance();
  const [noteId, setNoteId] = useState(item.tick?.evidenceNoteId ?? '');
  const [error, setError] = useState<string | null>(null);
  const send = (ticked: boolean) => {
    setError(null);
    tick.mutate(
      { caseId, body: ticked ? { item: item.item, evidenceNoteId: noteId } : { item: item.item, ticked: false } },
      { onError: (e) => setError(errorMessage(e)) },
    );
  };
  const evidenceLabel = (id: string) => evidence.find((e) => e.id === id)?.label ?? 'A note of this case';
  return (
    <Card withBorder component="li" aria-label={item.label}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{item.label}</Text>
          <Badge variant={item.satisfied ? 'filled' : 'outline'} color={item.satisfied ? 'teal' : 'gray'}>
            {item.satisfied ? 'Done' : 'Not yet'}
          </Badge>
        </Group>
        {item.derived ? (
          <Text size="sm" c="gray.7">
            Follows the case’s own records, so it cannot be ticked{item.detail !== null ? `: ${item.detail}` : '.'}
          </Text>
        ) : (
          <>
            {item.tick !== null && (
              <Text size="sm">
                Evidence: {evidenceLabel(item.tick.evidenceNoteId)} (ticked {formatDateTime(item.tick.tickedAt)})
              </Text>
            )}
            {editable && (
              <Group align="flex-end">
                <NativeSelect
                  label="Evidence note"
                  value={noteId}
                  data={[{ value: '', label: evidence.length === 0 ? 'Add a note first' : 'Choose a note…' }, ...evidence.map((e) => ({ value: e.id, label: e.label }))]}
                  onChange={(e) => setNoteId(e.currentTarget.value)}
                  error={error}
                  style={{ flex: 1 }}
                />
                <Button variant="light" onClick={() => send(true)} disabled={noteId === '' || noteId === item.tick?.evidenceNoteId} loading={tick.isPending}>
                  {item.tick === null ? 'Tick' : 'Change evidence'}
                </Button>
                {item.tick !== null && (
                  <Button variant="default" onClick={() => send(false)} loading={tick.isPending}>
                    Remove tick
                  </Button>
                )}
              </Group>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

export function ComplianceTab({ caseId, editable, evidence }: { caseId: string; editable: boolean; evidence: EvidenceOption[] }) {
  const checklist = useCompliance(caseId);
  if (checklist.isPending) return <LoadingState label="Loading the checklist…" />;
  if (checklist.isError) return <ErrorState error={checklist.error} onRetry={() => void checklist.refetch()} />;
  const status = STATUS[checklist.data.status];
  return (
    <Stack>
      <Group>
        <Title order={2} size="h4">
          Compliance checklist
        </Title>
        <Badge color={status.color} variant="outline">
          {status.label}
        </Badge>
      </Group>
      <Text size="sm">{status.text}</Text>
      {!editable && (
        <Alert color="gray">The case is finished; its checklist can no longer change.</Alert>
      )}
      <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Checklist">
        {checklist.data.items.map((item) => (
          <Item key={item.item} caseId={caseId} item={item} editable={editable} evidence={evidence} />
        ))}
      </Stack>
    </Stack>
  );
}
