import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { errorMessage } from '@/lib/forms';
import { useCheckDashboard, type DashboardCheck } from '../api/check-dashboard';
import { useRepairDashboard } from '../api/repair-dashboard';

function Result({ check }: { check: DashboardCheck }) {
  if (check.consistent && !check.repaired) {
    return (
      <Alert color="green" role="status">
        The counters match a recount of {check.cases} cases.
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <Alert color={check.repaired ? 'green' : 'orange'} role="status">
        {check.repaired
          ? `The counters were replaced with a recount of ${check.cases} cases.`
          : `${check.differences.length} ${check.differences.length === 1 ? 'counter differs' : 'counters differ'} from a recount of ${check.cases} cases.`}
      </Alert>
      {check.differences.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label="Counters that differ" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Counter</Table.Th>
                <Table.Th>Of</Table.Th>
                <Table.Th>Stored</Table.Th>
                <Table.Th>Recounted</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {check.differences.map((d) => (
                <Table.Tr key={`${d.adviserId} ${d.metric} ${d.bucket}`}>
                  <Table.Td>
                    {d.metric} {d.bucket}
                  </Table.Td>
                  <Table.Td>{d.adviserId === '*' ? 'The centre' : d.adviserId}</Table.Td>
                  <Table.Td>{d.stored}</Table.Td>
                  <Table.Td>{d.recounted}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

// Admins: check a centre's dashboard counters against a recount, and replace them when they differ.
export function DashboardCheckCard({ centreId }: { centreId: string }) {
  const check = useCheckDashboard();
  const repair = useRepairDashboard();
  const latest = repair.data ?? check.data;
  const failure = repair.error ?? check.error;
  const differs = latest !== undefined && !latest.consistent && !latest.repaired;
  return (
    <Card withBorder component="section" aria-labelledby="dashboard-check">
      <Stack gap="sm">
        <Title order={2} size="h4" id="dashboard-check">
          Counters
        </Title>
        <Text size="sm" c="gray.7">
          The figures are kept as counters. A check recounts them from every case of the centre; a repair replaces the counters with the recount and is
          audited.
        </Text>
        <Group>
          <Button
            variant="default"
            loading={check.isPending}
            onClick={() => {
              repair.reset();
              check.mutate(centreId);
            }}
          >
            Check the counters
          </Button>
          {differs && (
            <Button color="orange" loading={repair.isPending} onClick={() => repair.mutate(centreId)}>
              Repair the counters
            </Button>
          )}
        </Group>
        {failure !== null && (
          <Alert color="red" role="alert">
            {errorMessage(failure)}
          </Alert>
        )}
        {latest !== undefined && <Result check={latest} />}
      </Stack>
    </Card>
  );
}
