import { Anchor, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { linkTo } from '@/config/paths';
import { useMyTasks, type MyTask } from '../api/list-my-tasks';
import { TaskForm } from './TaskForm';
import { TaskTable } from './TaskList';

const GROUPS: { bucket: MyTask['bucket']; title: string }[] = [
  { bucket: 'overdue', title: 'Overdue' },
  { bucket: 'today', title: 'Due today' },
  { bucket: 'upcoming', title: 'Upcoming' },
];

export function MyTasksPage() {
  const tasks = useMyTasks();
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          My tasks
        </Title>
        <Button onClick={() => setAdding(true)}>Add a task without a case</Button>
      </Group>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a task without a case" size="lg">
        <TaskForm caseId={undefined} assignees={null} onDone={() => setAdding(false)} />
      </Modal>
      <Text size="sm" c="gray.7">
        Your open tasks; due dates are judged by today’s date in London.
      </Text>
      {tasks.isPending && <LoadingState label="Loading your tasks…" />}
      {tasks.isError && <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isSuccess && tasks.data.items.length === 0 && <EmptyState>You have no open tasks.</EmptyState>}
      {tasks.isSuccess &&
        tasks.data.items.length > 0 &&
        GROUPS.map(({ bucket, title }) => {
          const items = tasks.data.items.filter((t) => t.bucket === bucket);
          return (
            <Stack key={bucket} component="section" aria-labelledby={`tasks-${bucket}`} gap="xs">
              <Title order={2} size="h4" id={`tasks-${bucket}`}>
                {title} ({items.length})
              </Title>
              {items.length === 0 ? (
                <Text size="sm" c="gray.7">
                  None.
                </Text>
              ) : (
                <TaskTable
                  label={title}
                  tasks={items}
                  assignees={null}
                  assigneeName={() => 'You'}
                  extra={(t) =>
                    t.caseId !== null && (
                      <Anchor component={Link} to={linkTo.case(t.caseId, 'tasks')} size="xs">
                        Open the case
                      </Anchor>
                    )
                  }
                />
              )}
            </Stack>
          );
        })}
    </Stack>
  );
}
