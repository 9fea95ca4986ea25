import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { linkTo } from '@/config/paths';
import type { User } from '@/lib/auth/session';
import { useUrlFilters } from '@/lib/search-params';
import { useClientNames } from '../api/get-client-name';
import { useDiary } from '../api/get-diary';
import { addDays, formatDay, isDate, localDay, todayInLondon, weekStart } from '../api/london';
import { AppointmentCard } from './AppointmentCard';
import { BookingForm, type AdviserChoice } from './AppointmentForms';
import { CalendarFeedCard } from './CalendarFeedCard';

const CENTRE = 'centre';

// A week of the diary, Monday to Sunday in London: the caller's by default, another adviser's or
// the whole centre's. The week and whose diary it is are kept in the URL.
export function DiaryPage({ user, advisers }: { user: User; advisers: AdviserChoice[] }) {
  const [filters, setFilters] = useUrlFilters(['week', 'adviser'] as const);
  const today = todayInLondon();
  const monday = weekStart(isDate(filters.week) ? filters.week : today);
  const who = filters.adviser ?? user.id;
  const diary = useDiary(monday, who === CENTRE ? undefined : who, user.role === 'admin' ? user.centreId : undefined);
  const [booking, setBooking] = useState(false);
  const items = diary.data?.items ?? [];
  const clientName = useClientNames(items.map((a) => a.clientId));
  const adviserName = (id: string) => (id === user.id ? 'You' : (advisers.find((a) => a.id === id)?.label ?? 'A colleague'));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const others = advisers.filter((a) => a.id !== user.id);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Diary
        </Title>
        <Button onClick={() => setBooking(true)}>Book an appointment</Button>
      </Group>
      <Group align="flex-end">
        <NativeSelect
          label="Whose diary"
          value={who}
          data={[
            { value: user.id, label: 'Mine' },
            { value: CENTRE, label: 'The whole centre' },
            ...others.map((a) => ({ value: a.id, label: a.label })),
          ]}
          onChange={(e) => setFilters({ adviser: e.currentTarget.value === user.id ? undefined : e.currentTarget.value })}
        />
        <Group gap="xs" role="group" aria-label="Week">
          <Button variant="default" onClick={() => setFilters({ week: addDays(monday, -7) })}>
            Previous week
          </Button>
          <Button variant="default" onClick={() => setFilters({ week: undefined })} disabled={monday === weekStart(today)}>
            This week
          </Button>
          <Button variant="default" onClick={() => setFilters({ week: addDays(monday, 7) })}>
            Next week
          </Button>
        </Group>
      </Group>
      <Text fw={600} aria-live="polite">
        Week of {formatDay(monday)} to {formatDay(addDays(monday, 6))} (London time)
      </Text>
      {diary.isPending && <LoadingState label="Loading the diary…" />}
      {diary.isError && <ErrorState error={diary.error} onRetry={() => void diary.refetch()} />}
      {diary.isSuccess && items.length === 0 && <EmptyState>No appointments this week.</EmptyState>}
      {diary.isSuccess && items.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 7 }} spacing="xs">
          {days.map((day) => {
            const onDay = items.filter((a) => localDay(a.startLocal) === day);
            return (
              <Stack key={day} gap={4} component="section" aria-label={formatDay(day)}>
                <Text size="sm" fw={700} c={day === today ? 'blue.8' : undefined}>
                  {formatDay(day)}
                  {day === today && ' (today)'}
                </Text>
                {onDay.length === 0 ? (
                  <Text size="xs" c="gray.7">
                    Nothing booked
                  </Text>
                ) : (
                  <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {onDay.map((a) => (
                      <AppointmentCard
                        key={a.id}
                        appointment={a}
                        clientName={clientName(a.clientId)}
                        adviserName={adviserName(a.adviserId)}
                        clientLink={linkTo.client(a.clientId)}
                      />
                    ))}
                  </Stack>
                )}
              </Stack>
            );
          })}
        </SimpleGrid>
      )}
      <CalendarFeedCard />
      <Modal opened={booking} onClose={() => setBooking(false)} title="Book an appointment" size="lg">
        <BookingForm advisers={others} defaultStart={`${monday < today ? today : monday}T10:00`} onDone={() => setBooking(false)} />
      </Modal>
    </Stack>
  );
}
