import { Anchor, Badge, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { linkTo } from '@/config/paths';
import { humanise } from '@/lib/format';
import { useUrlFilters } from '@/lib/search-params';
import { searchKinds, useSearch, type SearchHit, type SearchKind } from '../api/search';

export type CentreChoice = { id: string; label: string };

const KIND_LABEL: Record<SearchKind, string> = { client: 'Client', case: 'Case', note: 'Note', document: 'Document' };

function linkOf(hit: SearchHit): string {
  if (hit.kind === 'client') return linkTo.client(hit.id);
  if (hit.kind === 'case') return linkTo.case(hit.id);
  if (hit.kind === 'document') return linkTo.case(hit.caseId ?? '');
  return linkTo.case(hit.caseId ?? '', 'notes');
}

// The matched field around its first match, the matched words marked.
function Snippet({ parts }: { parts: SearchHit['snippet'] }) {
  return (
    <Text size="sm" c="gray.8">
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </Text>
  );
}

function isKind(value: string | undefined): value is SearchKind {
  return searchKinds.some((k) => k === value);
}

// Clients, cases and notes of a centre matching every word typed, best first. The words, the
// kind and (for admins) the centre are kept in the URL.
export function SearchPage({ centres, centreId, onCentre }: { centres: CentreChoice[] | null; centreId: string | undefined; onCentre: (id: string) => void }) {
  const [filters, setFilters] = useUrlFilters(['q', 'kind'] as const);
  const q = filters.q ?? '';
  const kind = isKind(filters.kind) ? filters.kind : undefined;
  const [typed, setTyped] = useState(q);
  const results = useSearch(q, kind, centres === null ? undefined : centreId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ q: typed.trim() });
  };
  const searchable = /[\p{L}\p{N}]/u.test(q);
  return (
    <Stack>
      <Title order={1} size="h2">
        Search
      </Title>
      <form onSubmit={submit} role="search" aria-label="Search clients, cases and notes">
        <Group align="flex-end">
          <TextInput
            label="Words to find"
            description="Names, references, postcodes, e-mail addresses, case summaries and notes"
            value={typed}
            maxLength={200}
            onChange={(e) => setTyped(e.currentTarget.value)}
            w={360}
          />
          <NativeSelect
            label="Only"
            value={kind ?? ''}
            data={[{ value: '', label: 'Everything' }, ...searchKinds.map((k) => ({ value: k, label: `${KIND_LABEL[k]}s` }))]}
            onChange={(e) => setFilters({ kind: e.currentTarget.value })}
          />
          {centres !== null && (
            <NativeSelect label="Centre" value={centreId} data={centres.map((c) => ({ value: c.id, label: c.label }))} onChange={(e) => onCentre(e.currentTarget.value)} />
          )}
          <Button type="submit">Search</Button>
        </Group>
      </form>
      {!searchable ? (
        <EmptyState>{q === '' ? 'Type a name, a reference, a postcode or words from a note.' : 'Type at least one letter or digit.'}</EmptyState>
      ) : results.isPending ? (
        <LoadingState label="Searching…" />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data.items.length === 0 ? (
        <EmptyState>Nothing matches “{q}”.</EmptyState>
      ) : (
        <Stack component="ol" gap="sm" aria-label="Results" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {results.data.items.map((hit) => (
            <li key={`${hit.kind}-${hit.id}`}>
              <Group gap="xs">
                <Badge variant="outline" color="gray" size="sm">
                  {KIND_LABEL[hit.kind]}
                </Badge>
                <Anchor component={Link} to={linkOf(hit)} fw={600}>
                  {hit.label}
                </Anchor>
                <Text size="xs" c="gray.7">
                  matched on {humanise(hit.field)}
                </Text>
              </Group>
              <Snippet parts={hit.snippet} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
