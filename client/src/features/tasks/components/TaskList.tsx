import { Alert, Anchor, Badge, Button, Group, Modal, NativeSelect, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { linkTo } from '@/config/paths';
import { formatDate, humanise } from '@/lib/format';
import { errorMessage } from '@/lib/forms';
import type { Task } from '../api/list-tasks';
import { useUpdateTask } from '../api/update-task';
import { TaskEditForm } from './TaskEditForm';

export type Assignee = { id: string; label: string };

const PRIORITY_COLOUR: Record<Task['priority'], string> = { urgent: 'red', high: 'red', normal: 'gray', low: 'gray' };

export function PriorityBadge({ priority }: { priority: Task['priority'] }) {
  return (
    <Badge variant={priority === 'urgent' ? 'filled' : 'outline'} color={PRIORITY_COLOUR[priority]}>
      {humanise(priority)}
    </Badge>
  );
}

function Reassign({ task, assignees }: { task: Task; assignees: Assignee[] }) {
  const update = useUpdateTask();
  const [error, setError] = useState<string | null>(null);
  const options = assignees.some((a) => a.id === task.assigneeId) ? assignees : [{ id: task.assigneeId, label: 'The current assignee' }, ...assignees];
  return (
    <NativeSelect
      aria-label={`Assignee of “${task.title}”`}
      size="xs"
      value={task.assigneeId}
      data={options.map((a) => ({ value: a.id, label: a.label }))}
      error={error}
      disabled={update.isPending}
      onChange={(e) => {
        setError(null);
        update.mutate({ id: task.id, body: { assigneeId: e.currentTarget.value } }, { onError: (err) => setError(errorMessage(err)) });
      }}
    />
  );
}

function Row({ task, assignees, assigneeName, extra }: { task: Task; assignees: Assignee[] | null; assigneeName: (id: string) => string; extra?: ReactNode }) {
  const update = useUpdateTask();
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const open = task.status === 'open';
  const setStatus = (status: Task['status']) => {
    setError(null);
    update.mutate({ id: task.id, body: { status } }, { onError: (e) => setError(errorMessage(e)) });
  };
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={linkTo.task(task.id)} size="sm" fw={600} td={open ? undefined : 'line-through'}>
          {task.title}
        </Anchor>
        {task.details !== '' && (
          <Text size="xs" c="gray.7">
            {task.details}
          </Text>
        )}
        {extra}
        {error !== null && (
          <Alert color="red" role="alert" p="xs" mt="xs">
            {error}
          </Alert>
        )}
      </Table.Td>
      <Table.Td>{formatDate(task.dueDate)}</Table.Td>
      <Table.Td>
        <PriorityBadge priority={task.priority} />
      </Table.Td>
      <Table.Td>{assignees !== null && task.status === 'open' ? <Reassign task={task} assignees={assignees} /> : assigneeName(task.assigneeId)}</Table.Td>
      <Table.Td>{humanise(task.status)}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {open ? (
            <>
              <Button size="xs" variant="light" onClick={() => setStatus('done')} loading={update.isPending} aria-label={`Complete “${task.title}”`}>
                Complete
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(true)} aria-label={`Edit “${task.title}”`}>
                Edit
              </Button>
              <Button size="xs" variant="outline" color="red" onClick={() => setStatus('cancelled')} disabled={update.isPending} aria-label={`Cancel “${task.title}”`}>
                Cancel
              </Button>
            </>
          ) : (
            <Button size="xs" variant="default" onClick={() => setStatus('open')} loading={update.isPending} aria-label={`Reopen “${task.title}”`}>
              Reopen
            </Button>
          )}
        </Group>
        <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit “${task.title}”`} size="lg">
          <TaskEditForm task={task} onDone={() => setEditing(false)} />
        </Modal>
      </Table.Td>
    </Table.Tr>
  );
}

// Tasks in a table; `assignees` (null: the caller cannot list users) offers reassignment.
export function TaskTable({
  label,
  tasks,
  assignees,
  assigneeName,
  extra,
}: {
  label: string;
  tasks: Task[];
  assignees: Assignee[] | null;
  assigneeName: (id: string) => string;
  extra?: (task: Task) => ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={label} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Task</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Priority</Table.Th>
            <Table.Th>Assignee</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((t) => (
            <Row key={t.id} task={t} assignees={assignees} assigneeName={assigneeName} extra={extra?.(t)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
