import { Button, Group, Modal, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { linkTo } from '@/config/paths';
import type { User } from '@/lib/auth/session';
import { useUrlFilters } from '@/lib/search-params';
import { useClientNames } from '../api/get-client-name';
import { useDiary, type Appointment, type DiaryView } from '../api/get-diary';
import { addDays, formatDay, isDate, localDay, todayInLondon, weekStart } from '../api/london';
import { AppointmentCard } from './AppointmentCard';
import { BookingForm, type AdviserChoice } from './AppointmentForms';
import { CalendarFeedCard } from './CalendarFeedCard';

const CENTRE = 'centre';

export type CentreChoice = { id: string; label: string };

// A day or a week (Monday to Sunday) of the diary in London: the caller's by default, another
// adviser's or the whole centre's; admins also choose the centre. The view, the date, whose diary
// and the centre are kept in the URL. `advisers` are those of the centre shown.
export function DiaryPage({
  user,
  advisers,
  centres,
  centreId,
  onCentre,
}: {
  user: User;
  advisers: AdviserChoice[];
  centres: CentreChoice[] | null;
  centreId: string;
  onCentre: (centreId: string) => void;
}) {
  const [filters, setFilters] = useUrlFilters(['view', 'date', 'adviser'] as const);
  const today = todayInLondon();
  const view: DiaryView = filters.view === 'day' ? 'day' : 'week';
  const date = isDate(filters.date) ? filters.date : today;
  const first = view === 'day' ? date : weekStart(date);
  const ownCentre = centreId === user.centreId;
  const who = filters.adviser ?? (ownCentre ? user.id : CENTRE);
  const diary = useDiary(view, first, who === CENTRE ? undefined : who, user.role === 'admin' ? centreId : undefined);
  const [booking, setBooking] = useState(false);
  const items = diary.data?.items ?? [];
  const clientName = useClientNames(items.map((a) => a.clientId));
  const adviserName = (id: string) => (id === user.id ? 'You' : (advisers.find((a) => a.id === id)?.label ?? 'A colleague'));
  const days = view === 'day' ? [first] : Array.from({ length: 7 }, (_, i) => addDays(first, i));
  const others = advisers.filter((a) => a.id !== user.id);
  const step = view === 'day' ? 1 : 7;
  const unit = view === 'day' ? 'day' : 'week';
  const current = view === 'day' ? today : weekStart(today);
  const card = (a: Appointment) => (
    <AppointmentCard
      key={a.id}
      appointment={a}
      clientName={clientName(a.clientId)}
      adviserName={adviserName(a.adviserId)}
      clientLink={linkTo.client(a.clientId)}
      advisers={advisers}
    />
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Diary
        </Title>
        {ownCentre && <Button onClick={() => setBooking(true)}>Book an appointment</Button>}
      </Group>
      <Group align="flex-end">
        {centres !== null && (
          <NativeSelect
            label="Centre"
            value={centreId}
            data={centres.map((c) => ({ value: c.id, label: c.label }))}
            onChange={(e) => {
              setFilters({ adviser: undefined });
              onCentre(e.currentTarget.value);
            }}
          />
        )}
        <NativeSelect
          label="Whose diary"
          value={who}
          data={[
            ...(ownCentre ? [{ value: user.id, label: 'Mine' }] : []),
            { value: CENTRE, label: 'The whole centre' },
            ...others.map((a) => ({ value: a.id, label: a.label })),
          ]}
          onChange={(e) => setFilters({ adviser: e.currentTarget.value === (ownCentre ? user.id : CENTRE) ? undefined : e.currentTarget.value })}
        />
        <SegmentedControl
          aria-label="Show"
          value={view}
          data={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' },
          ]}
          onChange={(v) => setFilters({ view: v === 'day' ? 'day' : undefined })}
        />
        <Group gap="xs" role="group" aria-label={view === 'day' ? 'Day' : 'Week'}>
          <Button variant="default" onClick={() => setFilters({ date: addDays(first, -step) })}>
            Previous {unit}
          </Button>
          <Button variant="default" onClick={() => setFilters({ date: undefined })} disabled={first === current}>
            {view === 'day' ? 'Today' : 'This week'}
          </Button>
          <Button variant="default" onClick={() => setFilters({ date: addDays(first, step) })}>
            Next {unit}
          </Button>
        </Group>
      </Group>
      <Text fw={600} aria-live="polite">
        {view === 'day' ? `${formatDay(first)}${first === today ? ' (today)' : ''}` : `Week of ${formatDay(first)} to ${formatDay(addDays(first, 6))}`} (London
        time)
      </Text>
      {diary.isPending && <LoadingState label="Loading the diary…" />}
      {diary.isError && <ErrorState error={diary.error} onRetry={() => void diary.refetch()} />}
      {diary.isSuccess && items.length === 0 && <EmptyState>{view === 'day' ? 'No appointments this day.' : 'No appointments this week.'}</EmptyState>}
      {diary.isSuccess && items.length > 0 && (
        <SimpleGrid cols={view === 'day' ? 1 : { base: 1, sm: 2, lg: 7 }} spacing="xs">
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
                    {onDay.map(card)}
                  </Stack>
                )}
              </Stack>
            );
          })}
        </SimpleGrid>
      )}
      <CalendarFeedCard />
      <Modal opened={booking} onClose={() => setBooking(false)} title="Book an appointment" size="lg">
        <BookingForm advisers={others} defaultStart={`${first < today ? today : first}T10:00`} onDone={() => setBooking(false)} />
      </Modal>
    </Stack>
  );
}
