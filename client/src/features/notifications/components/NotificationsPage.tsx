import { Button, Checkbox, Group, Paper, Stack, Title } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import { useUrlFilters } from '@/lib/search-params';
import { useNotifications, type Notification } from '../api/list-notifications';
import { useReadAllNotifications } from '../api/read-all-notifications';
import { useReadNotification } from '../api/read-notification';
import { NotificationItem } from './NotificationItem';

const FILTER_KEYS = ['unread', 'cursor'] as const;

// Every notification of the signed-in user, newest first; "unread only" and the page are in the URL.
export function NotificationsPage() {
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const list = useNotifications(filters);
  const read = useReadNotification();
  const readAll = useReadAllNotifications();
  const open = (item: Notification) => {
    if (item.readAt === null) read.mutate(item.id);
  };
  const unread = list.data?.unreadCount ?? 0;
  return (
    <Stack>
      <Title order={1} size="h2">
        Notifications
      </Title>
      <Group justify="space-between">
        <Checkbox
          label="Unread only"
          checked={filters.unread === 'true'}
          onChange={(e) => setFilters({ unread: e.currentTarget.checked ? 'true' : undefined })}
        />
        <Button variant="default" size="xs" disabled={unread === 0} loading={readAll.isPending} onClick={() => readAll.mutate()}>
          Mark all read ({unread})
        </Button>
      </Group>
      {list.isPending ? (
        <LoadingState label="Loading notifications…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{filters.unread === 'true' ? 'Nothing unread.' : 'No notifications yet.'}</EmptyState>
      ) : (
        <>
          <Stack gap="xs" role="list" aria-label="Notifications">
            {list.data.items.map((item) => (
              <Paper key={item.id} withBorder p="sm" role="listitem">
                <NotificationItem item={item} onOpen={open} />
              </Paper>
            ))}
          </Stack>
          <Pager cursor={filters.cursor} nextCursor={list.data.nextCursor} onChange={(cursor) => setFilters({ cursor })} />
        </>
      )}
    </Stack>
  );
}
