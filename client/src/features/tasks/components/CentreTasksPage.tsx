import { Anchor, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import { linkTo } from '@/config/paths';
import type { User } from '@/lib/auth/session';
import { humanise } from '@/lib/format';
import { useUrlFilters } from '@/lib/search-params';
import { taskStatuses, useCentreTasks, type TaskStatus } from '../api/list-tasks';
import { TaskTable, type Assignee } from './TaskList';

function isStatus(value: string | undefined): value is TaskStatus {
  return taskStatuses.some((s) => s === value);
}

// Every task of a centre, with or without a case, by due date: open ones by default, or done,
// cancelled or all; anyone's or one person's. The filters and page are in the URL. `assignees`
// (null when the caller cannot list users) offers the people to filter by and reassign to;
// `centres` (admins only, else null) the centre.
export function CentreTasksPage({
  user,
  assignees,
  centres,
  centreId,
  onCentre,
}: {
  user: User;
  assignees: Assignee[] | null;
  centres: { id: string; label: string }[] | null;
  centreId: string;
  onCentre: (id: string) => void;
}) {
  const [filters, setFilters] = useUrlFilters(['status', 'assignee', 'cursor'] as const);
  const status = filters.status === 'all' ? undefined : isStatus(filters.status) ? filters.status : 'open';
  const tasks = useCentreTasks({ centreId: centres === null ? undefined : centreId, assigneeId: filters.assignee, status, cursor: filters.cursor });
  const people = (assignees ?? []).filter((a) => a.id !== user.id);
  const assigneeName = (id: string) => (id === user.id ? 'You' : (assignees?.find((a) => a.id === id)?.label ?? 'A colleague'));
  return (
    <Stack>
      <Title order={1} size="h2">
        Centre tasks
      </Title>
      <Text size="sm" c="gray.7">
        Every task of the centre, of a case or of the centre itself, by due date.
      </Text>
      <Group align="flex-end">
        {centres !== null && (
          <NativeSelect
            label="Centre"
            value={centreId}
            data={centres.map((c) => ({ value: c.id, label: c.label }))}
            onChange={(e) => {
              setFilters({ assignee: undefined });
              onCentre(e.currentTarget.value);
            }}
          />
        )}
        <NativeSelect
          label="Status"
          value={filters.status === 'all' ? 'all' : (status ?? 'open')}
          data={[...taskStatuses.map((s) => ({ value: s, label: humanise(s) })), { value: 'all', label: 'Any status' }]}
          onChange={(e) => setFilters({ status: e.currentTarget.value === 'open' ? undefined : e.currentTarget.value })}
        />
        <NativeSelect
          label="Assigned to"
          value={filters.assignee ?? ''}
          data={[
            { value: '', label: 'Anyone' },
            ...(centreId === user.centreId ? [{ value: user.id, label: 'Me' }] : []),
            ...people.map((a) => ({ value: a.id, label: a.label })),
          ]}
          onChange={(e) => setFilters({ assignee: e.currentTarget.value })}
        />
      </Group>
      {tasks.isPending ? (
        <LoadingState label="Loading the tasks…" />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.items.length === 0 ? (
        <EmptyState>No tasks match.</EmptyState>
      ) : (
        <>
          <TaskTable
            label="Centre tasks"
            tasks={tasks.data.items}
            assignees={assignees}
            assigneeName={assigneeName}
            extra={(t) =>
              t.caseId === null ? (
                <Text size="xs" c="gray.7">
                  A task of the centre
                </Text>
              ) : (
                <Anchor component={Link} to={linkTo.case(t.caseId, 'tasks')} size="xs">
                  Open the case
                </Anchor>
              )
            }
          />
          <Pager cursor={filters.cursor} nextCursor={tasks.data.nextCursor} onChange={(cursor) => setFilters({ cursor })} />
        </>
      )}
    </Stack>
  );
}
