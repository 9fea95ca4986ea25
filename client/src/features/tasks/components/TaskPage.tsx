import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/ListStates';
import { linkTo, paths } from '@/config/paths';
import { ApiError } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';
import { useTask } from '../api/get-task';
import { TaskTable, type Assignee } from './TaskList';

// One task on a page of its own, to link to: what it is, its case, and the same actions as in a list.
export function TaskPage({ id, assignees, assigneeName }: { id: string; assignees: Assignee[] | null; assigneeName: (id: string) => string }) {
  const task = useTask(id);
  if (task.isPending) return <LoadingState label="Loading the task…" />;
  if (task.isError) {
    if (task.error instanceof ApiError && task.error.status === 404)
      return (
        <Stack>
          <Title order={1}>Task not found</Title>
          <Text>There is no such task, or it belongs to another centre.</Text>
          <Anchor component={Link} to={paths.tasks}>
            Back to my tasks
          </Anchor>
        </Stack>
      );
    return <ErrorState error={task.error} onRetry={() => void task.refetch()} />;
  }
  const t = task.data;
  return (
    <Stack>
      <Title order={1}>{t.title}</Title>
      <Group gap="lg">
        {t.caseId !== null ? (
          <Anchor component={Link} to={linkTo.case(t.caseId, 'tasks')}>
            Open its case
          </Anchor>
        ) : (
          <Text size="sm">A task of the centre, with no case.</Text>
        )}
        <Text size="sm" c="gray.7">
          Added {formatDateTime(t.createdAt)}
          {t.completedAt !== null && `; ${t.status === 'done' ? 'completed' : 'closed'} ${formatDateTime(t.completedAt)}`}
        </Text>
      </Group>
      <TaskTable label="This task" tasks={[t]} assignees={assignees} assigneeName={assigneeName} />
    </Stack>
  );
}
