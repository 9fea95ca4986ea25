import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/ListStates';
import { paths } from '@/config/paths';
import type { User } from '@/lib/auth/session';
import { formatDate, humanise } from '@/lib/format';
import { formatPence } from '@/lib/money';
import { useUrlFilters } from '@/lib/search-params';
import { useDownloadDashboardCsv } from '../api/download-dashboard';
import { useDashboard, type DashboardFigures } from '../api/get-dashboard';
import { DashboardCheckCard } from './DashboardCheckCard';

export type Choice = { id: string; label: string };

const STATUSES = ['open', 'in_progress', 'closed', 'referred', 'cancelled'] as const;

function Stat({ label, value, children }: { label: string; value: string; children?: React.ReactNode }) {
  return (
    <Card withBorder>
      <Text size="xs" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {children}
    </Card>
  );
}

const monthLabel = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
function month(m: string): string {
  const d = new Date(`${m}-01T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? m : monthLabel.format(d);
}

function Charts({ f }: { f: DashboardFigures }) {
  const byStatus = STATUSES.map((s) => ({ status: humanise(s), cases: f.casesByStatus[s] ?? 0 }));
  const perMonth = f.openedPerMonth.map((o, i) => ({ month: month(o.month), opened: o.count, closed: f.closedPerMonth[i]?.count ?? 0 }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder component="figure" m={0} aria-labelledby="chart-status">
        <Title order={2} size="h4" id="chart-status" mb="sm">
          Cases by status
        </Title>
        <div role="img" aria-label={byStatus.map((b) => `${b.status}: ${b.cases}`).join(', ')}>
          <BarChart h={220} data={byStatus} dataKey="status" series={[{ name: 'cases', label: 'Cases', color: 'blue.7' }]} withTooltip={false} />
        </div>
      </Card>
      <Card withBorder component="figure" m={0} aria-labelledby="chart-months">
        <Title order={2} size="h4" id="chart-months" mb="sm">
          Opened and closed, last 12 months
        </Title>
        <div role="img" aria-label={perMonth.map((p) => `${p.month}: ${p.opened} opened, ${p.closed} closed`).join('; ')}>
          <BarChart
            h={220}
            data={perMonth}
            dataKey="month"
            withLegend
            withTooltip={false}
            series={[
              { name: 'opened', label: 'Opened', color: 'blue.7' },
              { name: 'closed', label: 'Closed', color: 'teal.8' },
            ]}
          />
        </div>
      </Card>
    </SimpleGrid>
  );
}

function Centres({ centres }: { centres: { centreId: string; centreName: string; figures: DashboardFigures }[] }) {
  return (
    <Card withBorder component="section" aria-labelledby="dashboard-centres">
      <Title order={2} size="h4" id="dashboard-centres" mb="sm">
        Centres
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Centres" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Centre</Table.Th>
              <Table.Th>Open cases</Table.Th>
              <Table.Th>In progress</Table.Th>
              <Table.Th>Debt under advice</Table.Th>
              <Table.Th>Compliance rate</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {centres.map((c) => (
              <Table.Tr key={c.centreId}>
                <Table.Td>{c.centreName}</Table.Td>
                <Table.Td>{c.figures.casesByStatus.open ?? 0}</Table.Td>
                <Table.Td>{c.figures.casesByStatus.in_progress ?? 0}</Table.Td>
                <Table.Td>{formatPence(c.figures.debtUnderAdvice)}</Table.Td>
                <Table.Td>{c.figures.complianceRatePercent === null ? '—' : `${c.figures.complianceRatePercent}%`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

// The figures of the caller's centre (admins: the whole network, or a centre they choose), or of
// one adviser in it. Whose figures they are is kept in the URL. `centres` (admins only, else null)
// and `advisers` (those of the centre shown whom the caller may list) offer the choices.
export function DashboardPage({ user, centres, advisers }: { user: User; centres: Choice[] | null; advisers: Choice[] }) {
  const [filters, setFilters] = useUrlFilters(['centre', 'adviser'] as const);
  const isAdmin = user.role === 'admin';
  const centreId = isAdmin ? filters.centre : undefined;
  const shownCentre = centreId ?? user.centreId;
  const byCentre = !isAdmin || centreId !== undefined;
  const adviserId = byCentre ? filters.adviser : undefined;
  const scope = { centreId, adviserId };
  const dashboard = useDashboard(scope);
  const download = useDownloadDashboardCsv();
  const adviserChoices = [
    ...(shownCentre === user.centreId ? [{ id: user.id, label: 'Mine' }] : []),
    ...advisers.filter((a) => a.id !== user.id),
  ];
  const whose =
    adviserId !== undefined
      ? adviserId === user.id
        ? 'Your own cases, tasks and appointments'
        : `The cases, tasks and appointments of ${advisers.find((a) => a.id === adviserId)?.label ?? 'one adviser'}`
      : centreId !== undefined
        ? (centres?.find((c) => c.id === centreId)?.label ?? 'One centre')
        : isAdmin
          ? 'The whole network'
          : 'Your centre';
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            Dashboard
          </Title>
          <Text size="sm" c="gray.7">
            Hello, {user.firstName}. {whose}
            {dashboard.isSuccess && `, as of ${formatDate(dashboard.data.today)}.`}
          </Text>
        </div>
        <Button variant="default" onClick={() => download.mutate(scope)} loading={download.isPending}>
          Download as CSV
        </Button>
      </Group>
      <Group align="flex-end">
        {centres !== null && (
          <NativeSelect
            label="Centre"
            value={centreId ?? ''}
            data={[{ value: '', label: 'The whole network' }, ...centres.map((c) => ({ value: c.id, label: c.label }))]}
            onChange={(e) => setFilters({ centre: e.currentTarget.value, adviser: undefined })}
          />
        )}
        {byCentre && (
          <NativeSelect
            label="Whose figures"
            value={adviserId ?? ''}
            data={[{ value: '', label: 'The whole centre' }, ...adviserChoices.map((a) => ({ value: a.id, label: a.label }))]}
            onChange={(e) => setFilters({ adviser: e.currentTarget.value })}
          />
        )}
      </Group>
      {download.isError && (
        <Text c="red.8" role="alert" size="sm">
          The CSV could not be downloaded. Try again.
        </Text>
      )}
      {dashboard.isPending && <LoadingState label="Loading the figures…" />}
      {dashboard.isError && <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {dashboard.isSuccess && (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
            <Stat label="Open and in progress" value={String((dashboard.data.figures.casesByStatus.open ?? 0) + (dashboard.data.figures.casesByStatus.in_progress ?? 0))} />
            <Stat label="Debt under advice" value={formatPence(dashboard.data.figures.debtUnderAdvice)} />
            <Stat label="Priority arrears" value={formatPence(dashboard.data.figures.priorityArrears)} />
            <Stat
              label="Compliance rate"
              value={dashboard.data.figures.complianceRatePercent === null ? '—' : `${dashboard.data.figures.complianceRatePercent}%`}
            >
              <Text size="xs" c="gray.7">
                {dashboard.data.figures.closedCompliant} of {dashboard.data.figures.closedCases} closed cases
              </Text>
            </Stat>
            <Stat label="Appointments today" value={String(dashboard.data.appointmentsToday)}>
              <Anchor component={Link} to={paths.diary} size="xs">
                Open the diary
              </Anchor>
            </Stat>
            <Stat label="Overdue tasks" value={String(dashboard.data.overdueTasks)}>
              <Anchor component={Link} to={paths.tasks} size="xs">
                My tasks
              </Anchor>
            </Stat>
          </SimpleGrid>
          <Charts f={dashboard.data.figures} />
          {dashboard.data.centres.length > 0 && <Centres centres={dashboard.data.centres} />}
        </>
      )}
      {isAdmin && centreId !== undefined && <DashboardCheckCard key={centreId} centreId={centreId} />}
    </Stack>
  );
}
