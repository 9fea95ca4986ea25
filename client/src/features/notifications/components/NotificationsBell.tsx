import { Anchor, Button, Divider, Group, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '@/config/paths';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { useLatestNotifications, type Notification } from '../api/list-notifications';
import { useReadAllNotifications } from '../api/read-all-notifications';
import { useReadNotification } from '../api/read-notification';
import { NotificationItem } from './NotificationItem';

// The app bar's bell: the unread count, and the latest notifications in a popover.
export function NotificationsBell() {
  const latest = useLatestNotifications();
  const read = useReadNotification();
  const readAll = useReadAllNotifications();
  const [opened, setOpened] = useState(false);
  const unread = latest.data?.unreadCount ?? 0;
  const open = (item: Notification) => {
    if (item.readAt === null) read.mutate(item.id);
    setOpened(false);
  };
  return (
    // The count's badge wraps the popover, so the popover's ARIA attributes land on the button itself.
    <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red">
      <Popover opened={opened} onChange={setOpened} width={340} position="bottom-end" shadow="md">
        <Popover.Target>
          <Button
            variant="default"
            size="xs"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`}
          >
            Notifications
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" aria-label="Latest notifications" role="region">
            <Group justify="space-between">
              <Text fw={500} size="sm">
                {unread === 0 ? 'Nothing unread' : `${unread} unread`}
              </Text>
              <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={readAll.isPending} onClick={() => readAll.mutate()}>
                Mark all read
              </Button>
            </Group>
            <Divider />
            {latest.isPending ? (
              <LoadingState label="Loading notifications…" />
            ) : latest.isError ? (
              <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />
            ) : latest.data.items.length === 0 ? (
              <EmptyState>No notifications yet.</EmptyState>
            ) : (
              latest.data.items.map((item) => <NotificationItem key={item.id} item={item} onOpen={open} />)
            )}
            <Divider />
            <Anchor component={Link} to={paths.notifications} size="sm" onClick={() => setOpened(false)}>
              See all notifications
            </Anchor>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

