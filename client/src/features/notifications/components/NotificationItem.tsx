import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { linkTo } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import type { Notification } from '../api/list-notifications';

// One notification: its title, body and time; opening its appointment marks it read.
export function NotificationItem({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const unread = item.readAt === null;
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="nowrap">
        {unread && (
          <Badge size="xs" variant="filled" aria-label="Unread">
            New
          </Badge>
        )}
        <Text size="sm" fw={unread ? 700 : 400}>
          {item.title}
        </Text>
      </Group>
      {item.body !== '' && <Text size="sm">{item.body}</Text>}
      <Group gap="xs">
        <Text size="xs" c="gray.7">
          {formatDateTime(item.createdAt)}
        </Text>
        {item.appointmentId !== null ? (
          <Anchor component={Link} size="xs" to={linkTo.appointment(item.appointmentId)} onClick={() => onOpen(item)}>
            Open the appointment
          </Anchor>
        ) : (
          unread && (
            <Anchor component="button" type="button" size="xs" onClick={() => onOpen(item)}>
              Mark read
            </Anchor>
          )
        )}
      </Group>
    </Stack>
  );
}
