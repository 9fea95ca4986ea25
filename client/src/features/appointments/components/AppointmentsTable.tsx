import { Anchor, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router-dom';
import { linkTo } from '@/config/paths';
import { formatDate, humanise } from '@/lib/format';
import type { Appointment } from '../api/get-diary';
import { formatDay, localDay, localTime } from '../api/london';
import { AppointmentActions } from './AppointmentActions';
import type { AdviserChoice } from './AppointmentForms';

// Appointments in a table, oldest first, with London times, outcome, and the actions of each.
export function AppointmentsTable({
  appointments,
  advisers,
  adviserName,
}: {
  appointments: Appointment[];
  advisers: AdviserChoice[];
  adviserName: (id: string) => string;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label="Appointments" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Day</Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>How</Table.Th>
            <Table.Th>Adviser</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {appointments.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={linkTo.appointment(a.id)} size="sm">
                  {formatDay(localDay(a.startLocal))} {localDay(a.startLocal).slice(0, 4)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {localTime(a.startLocal)}–{localTime(a.endLocal)}
              </Table.Td>
              <Table.Td>
                {humanise(a.mode)}
                {a.location !== '' && `, ${a.location}`}
              </Table.Td>
              <Table.Td>{adviserName(a.adviserId)}</Table.Td>
              <Table.Td>
                <Badge variant="outline" color={a.status === 'scheduled' ? 'indigo' : 'gray'}>
                  {humanise(a.status)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {a.outcome !== '' && <Text size="sm">{a.outcome}</Text>}
                {a.followUpDate !== null && <Text size="xs">Follow up on {formatDate(a.followUpDate)}</Text>}
              </Table.Td>
              <Table.Td>
                <AppointmentActions
                  appointment={a}
                  name={`${formatDay(localDay(a.startLocal))} ${localTime(a.startLocal)}`}
                  advisers={advisers}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
