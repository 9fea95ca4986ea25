import { Alert, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { apiUrl } from '@/lib/api/client';
import { formatDateTime } from '@/lib/format';
import { errorMessage } from '@/lib/forms';
import { useCalendarFeed } from '../api/get-calendar-feed';
import { useIssueCalendarFeed } from '../api/issue-calendar-feed';
import { useRevokeCalendarFeed } from '../api/revoke-calendar-feed';

// The secret calendar URL: issued, shown this once with a copy button, or revoked.
export function CalendarFeedCard() {
  const feed = useCalendarFeed();
  const issue = useIssueCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onError = (e: unknown) => setError(errorMessage(e));
  return (
    <Card withBorder component="section" aria-labelledby="calendar-feed">
      <Stack gap="xs">
        <Title order={2} size="h5" id="calendar-feed">
          Calendar subscription
        </Title>
        <Text size="sm">
          {feed.isSuccess && feed.data.active
            ? `Your appointments are published to a private calendar link made ${formatDateTime(feed.data.createdAt)}.`
            : 'Subscribe to your appointments from Outlook, Google Calendar or Apple Calendar with a private link.'}
        </Text>
        {url !== null && (
          <Alert color="blue" title="Your calendar link (shown only now)">
            <Group align="flex-end" wrap="nowrap">
              <TextInput label="Calendar link" readOnly value={url} style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" mt="xs">
              Anyone with the link can read your diary: keep it private. Issuing a new link stops this one.
            </Text>
          </Alert>
        )}
        {error !== null && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            loading={issue.isPending}
            onClick={() => {
              setError(null);
              issue.mutate(undefined, { onSuccess: (f) => setUrl(apiUrl(f.path)), onError });
            }}
          >
            {feed.data?.active === true ? 'Issue a new link' : 'Get a calendar link'}
          </Button>
          {feed.data?.active === true && (
            <Button
              variant="default"
              loading={revoke.isPending}
              onClick={() => {
                setError(null);
                revoke.mutate(undefined, { onSuccess: () => setUrl(null), onError });
              }}
            >
              Turn the link off
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
