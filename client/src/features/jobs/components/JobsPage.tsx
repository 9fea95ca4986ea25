import { Alert, Badge, Button, Code, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import { ApiError } from '@/lib/api/problem';
import { formatDateTime, humanise } from '@/lib/format';
import { useUrlFilters } from '@/lib/search-params';
import { useCancelJob, mayCancel } from '../api/cancel-job';
import { useJob } from '../api/get-job';
import { JOB_STATES, useJobs, type Job } from '../api/list-jobs';
import { mayRetry, useRetryJob } from '../api/retry-job';

const FILTER_KEYS = ['state', 'kind', 'cursor'] as const;

const STATE_COLOURS: Record<Job['state'], string> = {
  queued: 'blue',
  running: 'violet',
  done: 'teal',
  dead: 'red',
  cancelled: 'gray',
};

function refusal(error: unknown): string {
  if (error instanceof ApiError) return error.problem?.detail ?? error.message;
  return 'The server could not be reached. Check the connection and try again.';
}

// One job in full: its payload, lease and the scheduled run it stands for.
function JobDetails({ id, onClose }: { id: string | null; onClose: () => void }) {
  const job = useJob(id);
  return (
    <Modal opened={id !== null} onClose={onClose} title="Job details" size="lg">
      {job.isPending ? (
        <LoadingState label="Loading the job…" />
      ) : job.isError ? (
        <ErrorState error={job.error} onRetry={() => void job.refetch()} />
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            <Code>{job.data.kind}</Code> · {humanise(job.data.state)} · attempt {job.data.attempts} of {job.data.maxAttempts}
          </Text>
          <Text size="sm">Created {formatDateTime(job.data.createdAt)}, updated {formatDateTime(job.data.updatedAt)}</Text>
          <Text size="sm">Runs from {formatDateTime(job.data.runAt)}</Text>
          {job.data.leaseOwner !== null && (
            <Text size="sm">
              Held by <Code>{job.data.leaseOwner}</Code> until {formatDateTime(job.data.leaseExpiresAt)}
            </Text>
          )}
          {job.data.uniqueKey !== null && (
            <Text size="sm">
              Scheduled run <Code>{job.data.uniqueKey}</Code>
            </Text>
          )}
          {job.data.lastError !== null && (
            <Alert color="red" title="Last error">
              {job.data.lastError}
            </Alert>
          )}
          <Text size="sm" fw={500}>
            Payload
          </Text>
          <Code block>{JSON.stringify(job.data.payload, null, 2)}</Code>
        </Stack>
      )}
    </Modal>
  );
}

export function JobsPage() {
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const jobs = useJobs(filters);
  const retry = useRetryJob();
  const cancel = useCancelJob();
  const [kindDraft, setKindDraft] = useState(filters.kind ?? '');
  const [shown, setShown] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);

  const applyKind = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ kind: kindDraft.trim() });
  };
  const act = (action: 'retry' | 'cancel', job: Job) => {
    setRefused(null);
    const mutation = action === 'retry' ? retry : cancel;
    mutation.mutate(job.id, {
      onError: (error) => setRefused(`${action === 'retry' ? 'Retry' : 'Cancel'} of ${job.kind} refused: ${refusal(error)}`),
    });
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        Background jobs
      </Title>
      <form onSubmit={applyKind} aria-label="Job filters">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label="State"
            value={filters.state ?? ''}
            data={[{ value: '', label: 'Any' }, ...JOB_STATES.map((s) => ({ value: s, label: humanise(s) }))]}
            onChange={(e) => setFilters({ state: e.currentTarget.value })}
          />
          <TextInput
            label="Kind"
            description="e.g. audit.verify"
            value={kindDraft}
            onChange={(e) => setKindDraft(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              setKindDraft('');
              setFilters({ state: undefined, kind: undefined });
            }}
          >
            Clear
          </Button>
        </Group>
      </form>
      {refused !== null && (
        <Alert color="red" title="The server refused" role="alert" withCloseButton onClose={() => setRefused(null)}>
          {refused}
        </Alert>
      )}
      {jobs.isPending ? (
        <LoadingState label="Loading the jobs…" />
      ) : jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.data.items.length === 0 ? (
        <EmptyState>No jobs match these filters.</EmptyState>
      ) : (
        <>
          <Table striped aria-label="Jobs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">State</Table.Th>
                <Table.Th scope="col">Attempts</Table.Th>
                <Table.Th scope="col">Runs from</Table.Th>
                <Table.Th scope="col">Last error</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.data.items.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td>
                    <Code>{job.kind}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLOURS[job.state]} variant="outline">
                      {humanise(job.state)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {job.attempts}/{job.maxAttempts}
                  </Table.Td>
                  <Table.Td>{formatDateTime(job.runAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ wordBreak: 'break-word' }}>
                      {job.lastError ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button variant="subtle" size="compact-sm" onClick={() => setShown(job.id)} aria-label={`Details of ${job.kind} job`}>
                        Details
                      </Button>
                      {mayRetry(job.state) && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          loading={retry.isPending && retry.variables === job.id}
                          onClick={() => act('retry', job)}
                          aria-label={`Retry ${job.kind} job`}
                        >
                          Retry
                        </Button>
                      )}
                      {mayCancel(job.state) && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="red"
                          loading={cancel.isPending && cancel.variables === job.id}
                          onClick={() => act('cancel', job)}
                          aria-label={`Cancel ${job.kind} job`}
                        >
                          Cancel
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager cursor={filters.cursor} nextCursor={jobs.data.nextCursor} onChange={(cursor) => setFilters({ cursor })} />
        </>
      )}
      <JobDetails id={shown} onClose={() => setShown(null)} />
    </Stack>
  );
}
