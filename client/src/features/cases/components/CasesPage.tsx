import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import type { User } from '@/lib/auth/session';
import { humanise } from '@/lib/format';
import { useUrlFilters } from '@/lib/search-params';
import { casePriorities, caseSorts, caseStatuses, useCases, type CaseFilters } from '../api/list-cases';
import { CasesTable, type AdviserOption } from './CasesTable';

const KEYS = ['centreId', 'status', 'adviserId', 'priority', 'openedFrom', 'openedTo', 'q', 'sort', 'cursor'] as const;
const SORT_LABELS = { '-opened': 'Newest first', opened: 'Oldest first', reference: 'By reference' } as const;

function oneOf<T extends string>(values: readonly T[], v: string | undefined): T | undefined {
  return values.find((x) => x === v);
}

// The centre's cases; filters, sort and page in the URL. `advisers` are the people a manager may
// filter by; others filter by themselves. `centres` (admins, who see every centre's cases; null
// for others) offers a filter by centre.
export function CasesPage({ caller, advisers, centres }: { caller: User; advisers: AdviserOption[]; centres: { id: string; label: string }[] | null }) {
  const [raw, setFilters] = useUrlFilters(KEYS);
  const filters: CaseFilters = {
    ...raw,
    status: oneOf(caseStatuses, raw.status),
    priority: oneOf(casePriorities, raw.priority),
    sort: oneOf(caseSorts, raw.sort),
  };
  const cases = useCases(filters);
  const [q, setQ] = useState(raw.q ?? '');
  const [openedFrom, setOpenedFrom] = useState(raw.openedFrom ?? '');
  const [openedTo, setOpenedTo] = useState(raw.openedTo ?? '');
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ q: q.trim(), openedFrom, openedTo });
  };
  const adviserChoices = [
    { value: '', label: 'Anyone' },
    { value: caller.id, label: 'Me' },
    ...advisers.filter((a) => a.id !== caller.id).map((a) => ({ value: a.id, label: a.label })),
  ];
  const filtered = KEYS.some((k) => k !== 'sort' && k !== 'cursor' && raw[k] !== undefined);
  return (
    <Stack>
      <Title order={1} size="h2">
        Cases
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        {centres !== null && (
          <NativeSelect
            label="Centre"
            value={filters.centreId ?? ''}
            data={[{ value: '', label: 'Every centre' }, ...centres.map((c) => ({ value: c.id, label: c.label }))]}
            onChange={(e) => setFilters({ centreId: e.currentTarget.value })}
          />
        )}
        <NativeSelect
          label="Status"
          value={filters.status ?? ''}
          data={[{ value: '', label: 'Any status' }, ...caseStatuses.map((s) => ({ value: s, label: humanise(s) }))]}
          onChange={(e) => setFilters({ status: e.currentTarget.value })}
        />
        <NativeSelect
          label="Adviser"
          value={filters.adviserId ?? ''}
          data={adviserChoices}
          onChange={(e) => setFilters({ adviserId: e.currentTarget.value })}
        />
        <NativeSelect
          label="Priority"
          value={filters.priority ?? ''}
          data={[{ value: '', label: 'Any priority' }, ...casePriorities.map((p) => ({ value: p, label: humanise(p) }))]}
          onChange={(e) => setFilters({ priority: e.currentTarget.value })}
        />
        <NativeSelect
          label="Sort"
          value={filters.sort ?? '-opened'}
          data={caseSorts.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
          onChange={(e) => setFilters({ sort: e.currentTarget.value === '-opened' ? undefined : e.currentTarget.value })}
        />
      </SimpleGrid>
      <form onSubmit={apply} role="search" aria-label="Search cases">
        <Group align="flex-end">
          <TextInput
            label="Case or client reference, name or postcode"
            value={q}
            maxLength={100}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={320}
          />
          <TextInput label="Opened from" type="date" value={openedFrom} onChange={(e) => setOpenedFrom(e.currentTarget.value)} />
          <TextInput label="Opened to" type="date" value={openedTo} onChange={(e) => setOpenedTo(e.currentTarget.value)} />
          <Button type="submit">Apply filters</Button>
        </Group>
      </form>
      {cases.isPending ? (
        <LoadingState label="Loading cases…" />
      ) : cases.isError ? (
        <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
      ) : cases.data.items.length === 0 ? (
        <EmptyState>{filtered ? 'No cases match these filters.' : 'No cases yet.'}</EmptyState>
      ) : (
        <>
          <CasesTable cases={cases.data.items} advisers={advisers} meId={caller.id} label="Cases" />
          <Pager cursor={filters.cursor} nextCursor={cases.data.nextCursor} onChange={(cursor) => setFilters({ cursor })} />
        </>
      )}
    </Stack>
  );
}
