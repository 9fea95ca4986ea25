import { Alert, Anchor, Card, Code, Group, List, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { linkTo } from '@/config/paths';
import type { User } from '@/lib/auth/session';
import { useUrlFilters } from '@/lib/search-params';
import type { components } from '@/types/api';
import { useRetentionReport } from '../api/get-retention-report';

type Counts = components['schemas']['RetentionCounts'];
export type CentreOption = { id: string; label: string };

const FILTER_KEYS = ['centreId'] as const;

function CountsGrid({ counts, label }: { counts: Counts; label: string }) {
  const figures: [string, number][] = [
    ['Cases past retention', counts.cases],
    ['Clients to anonymise', counts.clients],
    ['Documents to delete', counts.documents],
    ['Stored files to delete', counts.blobs],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} aria-label={label} role="group">
      {figures.map(([name, value]) => (
        <Card key={name} withBorder padding="sm">
          <Text size="xs" c="gray.7">
            {name}
          </Text>
          <Text size="xl" fw={700}>
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Ids({ title, ids, link }: { title: string; ids: string[]; link?: (id: string) => string }) {
  if (ids.length === 0) return null;
  return (
    <details>
      <summary>
        {title} ({ids.length})
      </summary>
      <List size="sm" mt="xs">
        {ids.map((id) => (
          <List.Item key={id}>
            {link !== undefined ? (
              <Anchor component={Link} to={link(id)}>
                <Code>{id}</Code>
              </Anchor>
            ) : (
              <Code>{id}</Code>
            )}
          </List.Item>
        ))}
      </List>
    </details>
  );
}

// What the daily retention run would anonymise and delete today (docs/retention.md), read-only.
export function RetentionPage({ caller, centres }: { caller: User; centres: CentreOption[] }) {
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const report = useRetentionReport(filters.centreId);
  const centreName = (id: string) => centres.find((c) => c.id === id)?.label ?? id;
  return (
    <Stack>
      <Title order={1} size="h2">
        Retention
      </Title>
      <Alert color="blue" title="What the daily retention run will do">
        Case records are kept for six years after a case closes. Each day the retention run deletes the documents of
        cases closed more than six years ago (by the London date of closing), and anonymises clients whose every case is
        that old. This page only shows what that run would change today; nothing changes by opening it. The audit
        trail is kept and not touched.
      </Alert>
      {caller.role === 'admin' && (
        <NativeSelect
          label="Centre"
          w={320}
          value={filters.centreId ?? ''}
          data={[{ value: '', label: 'Every centre' }, ...centres.map((c) => ({ value: c.id, label: c.label }))]}
          onChange={(e) => setFilters({ centreId: e.currentTarget.value })}
        />
      )}
      {report.isPending ? (
        <LoadingState label="Working out what retention would change…" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <Text size="sm">Rules applied for {report.data.today}.</Text>
          <Title order={2} size="h3">
            In total
          </Title>
          <CountsGrid counts={report.data.totals} label="Totals" />
          {report.data.centres.length === 0 ? (
            <EmptyState>Nothing is past retention.</EmptyState>
          ) : (
            report.data.centres.map((c) => (
              <Stack key={c.centreId} gap="xs">
                <Group gap="xs">
                  <Title order={2} size="h3">
                    {centreName(c.centreId)}
                  </Title>
                </Group>
                <CountsGrid counts={c.counts} label={`Counts for ${centreName(c.centreId)}`} />
                {c.truncated && (
                  <Alert color="yellow">Only the first 5000 cases are listed; the run will go on from there.</Alert>
                )}
                <Ids title="Cases past retention" ids={c.caseIds} link={(id) => linkTo.case(id)} />
                <Ids title="Clients to anonymise" ids={c.clientIds} link={linkTo.client} />
                <Ids title="Documents to delete" ids={c.documentIds} link={linkTo.document} />
              </Stack>
            ))
          )}
        </>
      )}
    </Stack>
  );
}
