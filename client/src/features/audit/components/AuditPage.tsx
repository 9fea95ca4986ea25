import { Alert, Button, Code, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import type { User } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { useUrlFilters } from '@/lib/search-params';
import { AccessRefusals } from './AccessRefusals';
import { useAudit, type AuditEntry } from '../api/list-audit';
import { useAuditVerification } from '../api/verify-audit';
import { checkVisibleLinks } from '../chain-links';

export type CentreOption = { id: string; label: string };

const FILTER_KEYS = ['centreId', 'entityType', 'entityId', 'userId', 'from', 'to', 'cursor'] as const;
const ENTITY_TYPES = ['', 'user', 'centre', 'client', 'case', 'debt', 'budget', 'offer_set'];

// <input type="datetime-local"> speaks the browser's local time; the API wants RFC 3339.
function toIso(local: string): string | undefined {
  if (local === '') return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
function toLocalInput(iso: string | undefined): string {
  if (iso === undefined) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function Changes({ entry }: { entry: AuditEntry }) {
  const names = Object.keys(entry.changes);
  if (names.length === 0) return <Text size="sm">—</Text>;
  return (
    <Text size="sm">
      {names.map((name) => {
        const c = entry.changes[name];
        return (
          <span key={name} style={{ display: 'block' }}>
            <Code>{name}</Code> {c?.before ?? '∅'} → {c?.after ?? '∅'}
          </span>
        );
      })}
    </Text>
  );
}

// The server's full check of the chains in scope: every entry against its hash, its link to the
// entry before it, and each chain's end against its recorded head.
function Verification({ centreId, chainName }: { centreId: string | undefined; chainName: (id: string | null) => string }) {
  const [requested, setRequested] = useState(false);
  const check = useAuditVerification(centreId, requested);
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="light"
          loading={check.isFetching}
          onClick={() => (requested ? void check.refetch() : setRequested(true))}
        >
          Verify the chains
        </Button>
        <Text size="sm" c="dimmed">
          Recomputes every hash of {centreId === undefined ? 'every chain you can see' : 'this centre’s chain'}.
        </Text>
      </Group>
      {check.isError && <ErrorState error={check.error} onRetry={() => void check.refetch()} />}
      {check.data !== undefined &&
        (check.data.ok ? (
          <Alert color="teal" title="Audit trail verified: intact" role="status">
            {check.data.chains} {check.data.chains === 1 ? 'chain' : 'chains'}, {check.data.entries}{' '}
            {check.data.entries === 1 ? 'entry' : 'entries'} checked at {formatDateTime(check.data.verifiedAt)}: every entry
            matches its hash and names the one before it, and every chain ends at its recorded head.
          </Alert>
        ) : (
          <Alert color="red" title="Audit trail verified: broken" role="alert">
            Checked at {formatDateTime(check.data.verifiedAt)}. The first problem of each broken chain:
            <ul>
              {check.data.problems.map((p) => (
                <li key={`${p.centreId ?? 'network'}-${p.seq}`}>
                  {chainName(p.centreId)}, entry {p.seq}: {p.reason}
                </li>
              ))}
            </ul>
          </Alert>
        ))}
    </Stack>
  );
}

export function AuditPage({ caller, centres }: { caller: User; centres: CentreOption[] }) {
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const audit = useAudit(filters);
  const [draft, setDraft] = useState({
    entityType: filters.entityType ?? '',
    entityId: filters.entityId ?? '',
    userId: filters.userId ?? '',
    from: toLocalInput(filters.from),
    to: toLocalInput(filters.to),
    centreId: filters.centreId ?? '',
  });
  const centreName = new Map(centres.map((c) => [c.id, c.label]));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft, from: toIso(draft.from), to: toIso(draft.to) });
  };
  const links = audit.data !== undefined ? checkVisibleLinks(audit.data.items) : null;
  const chainName = (id: string | null) =>
    id === null ? 'the network chain' : `the chain of ${centreName.get(id) ?? 'a centre'}`;

  return (
    <Stack>
      <Title order={1} size="h2">
        Audit trail
      </Title>
      <form onSubmit={apply} aria-label="Audit filters">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {caller.role === 'admin' && (
            <NativeSelect
              label="Centre"
              value={draft.centreId}
              data={[{ value: '', label: 'Every chain' }, ...centres.map((c) => ({ value: c.id, label: c.label }))]}
              onChange={(e) => setDraft({ ...draft, centreId: e.currentTarget.value })}
            />
          )}
          <NativeSelect
            label="Entity type"
            value={draft.entityType}
            data={ENTITY_TYPES.map((t) => ({ value: t, label: t === '' ? 'Any' : t }))}
            onChange={(e) => setDraft({ ...draft, entityType: e.currentTarget.value })}
          />
          <TextInput label="Entity id" value={draft.entityId} onChange={(e) => setDraft({ ...draft, entityId: e.currentTarget.value })} />
          <TextInput label="User id" value={draft.userId} onChange={(e) => setDraft({ ...draft, userId: e.currentTarget.value })} />
          <TextInput label="From" type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          <TextInput label="Before" type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft({ entityType: '', entityId: '', userId: '', from: '', to: '', centreId: '' });
              setFilters({ centreId: undefined, entityType: undefined, entityId: undefined, userId: undefined, from: undefined, to: undefined });
            }}
          >
            Clear
          </Button>
        </Group>
      </form>
      <Verification centreId={filters.centreId} chainName={chainName} />
      {links !== null &&
        (links.status === 'intact' ? (
          <Alert color="teal" title="Chain links on this page: intact" role="status">
            {links.checked} link{links.checked === 1 ? '' : 's'} between the entries shown name the hash of the entry before them.
            Verify the chains to recompute every hash.
          </Alert>
        ) : (
          <Alert color="red" title="Chain links on this page: broken" role="alert">
            Entry {links.entry.seq} of {links.entry.centreId === null ? 'the network chain' : (centreName.get(links.entry.centreId) ?? 'a centre chain')} does
            not name the hash of the entry before it. Verify the chains to find where they break.
          </Alert>
        ))}
      {audit.isPending ? (
        <LoadingState label="Loading the audit trail…" />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState>No entries match these filters.</EmptyState>
      ) : (
        <>
          <Table striped aria-label="Audit entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Chain</Table.Th>
                <Table.Th scope="col">Action</Table.Th>
                <Table.Th scope="col">Entity</Table.Th>
                <Table.Th scope="col">Actor</Table.Th>
                <Table.Th scope="col">Changes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>
                    {e.centreId === null ? 'network' : (centreName.get(e.centreId) ?? 'centre')} #{e.seq}
                  </Table.Td>
                  <Table.Td>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    {e.entityType}
                    {e.entityId !== null && (
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        onClick={() => {
                          setDraft({ ...draft, entityType: e.entityType, entityId: e.entityId ?? '' });
                          setFilters({ entityType: e.entityType, entityId: e.entityId ?? undefined });
                        }}
                        aria-label={`history of this ${e.entityType}`}
                      >
                        history
                      </Button>
                    )}
                  </Table.Td>
                  <Table.Td>{e.actorUserId ?? 'unknown'}</Table.Td>
                  <Table.Td>
                    <Changes entry={e} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager cursor={filters.cursor} nextCursor={audit.data.nextCursor} onChange={(cursor) => setFilters({ cursor })} />
        </>
      )}
      <AccessRefusals centreId={filters.centreId} userId={filters.userId} centreName={(id) => centreName.get(id) ?? 'a centre'} />
    </Stack>
  );
}
