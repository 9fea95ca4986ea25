import { Alert, Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatDateTime, humanise } from '@/lib/format';
import { formatPence } from '@/lib/money';
import type { Budget } from '../api/get-budget';
import { categoryLabel, sections } from '../categories';

// A saved version of the budget with the server's figures: lines, totals, surplus or deficit, and
// the spending-guideline flags explained.
export function BudgetView({ budget }: { budget: Budget }) {
  const t = budget.totals;
  const bySection = {
    income: t.income,
    fixed_costs: t.fixedCosts,
    flexible_costs: t.flexibleCosts,
    priority_debt_payments: t.priorityDebtPayments,
    savings: t.savings,
  };
  return (
    <Stack>
      <Text size="sm">
        Version {budget.version} ({humanise(budget.kind)}), saved {formatDateTime(budget.createdAt)}. Household: {budget.adults}{' '}
        {budget.adults === 1 ? 'adult' : 'adults'}, {budget.children} {budget.children === 1 ? 'child' : 'children'}.
      </Text>
      {budget.notes !== '' && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {budget.notes}
        </Text>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={`Budget version ${budget.version}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Category</Table.Th>
              <Table.Th scope="col">Description</Table.Th>
              <Table.Th scope="col" ta="right">
                Amount
              </Table.Th>
              <Table.Th scope="col">How often</Table.Th>
              <Table.Th scope="col" ta="right">
                Monthly
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          {sections.map((s) => {
            const lines = budget.lines.filter((l) => l.section === s.id);
            return (
              <Table.Tbody key={s.id}>
                <Table.Tr>
                  <Table.Th scope="rowgroup" colSpan={4}>
                    {s.label}
                  </Table.Th>
                  <Table.Td ta="right" fw={700}>
                    {formatPence(bySection[s.id])}
                  </Table.Td>
                </Table.Tr>
                {lines.map((l, i) => (
                  <Table.Tr key={`${s.id}-${i}`}>
                    <Table.Td>{categoryLabel(l.category)}</Table.Td>
                    <Table.Td>{l.label === '' ? '—' : l.label}</Table.Td>
                    <Table.Td ta="right">{formatPence(l.amount)}</Table.Td>
                    <Table.Td>{humanise(l.frequency)}</Table.Td>
                    <Table.Td ta="right">{formatPence(l.monthly)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            );
          })}
        </Table>
      </Table.ScrollContainer>
      <Card withBorder aria-label="Monthly totals">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <div>
            <Text size="xs" c="gray.7" fw={600}>
              Income
            </Text>
            <Text size="sm">{formatPence(t.income)}</Text>
          </div>
          <div>
            <Text size="xs" c="gray.7" fw={600}>
              Expenditure
            </Text>
            <Text size="sm">{formatPence(t.expenditure)}</Text>
          </div>
          <div>
            <Text size="xs" c="gray.7" fw={600}>
              {t.surplus < 0 ? 'Deficit' : 'Surplus'}
            </Text>
            <Text size="sm" fw={700} c={t.surplus < 0 ? 'red.8' : undefined}>
              {formatPence(t.surplus)} a month
            </Text>
          </div>
          <div>
            <Text size="xs" c="gray.7" fw={600}>
              Available for non-priority creditors
            </Text>
            <Text size="sm">{formatPence(t.availableForNonPriority)} a month</Text>
          </div>
        </SimpleGrid>
      </Card>
      <Stack gap="xs">
        <Title order={3} size="h5">
          Spending guidelines
        </Title>
        {budget.guidelines.version === null ? (
          <Text size="sm">No spending-guideline table was in force when this version was saved.</Text>
        ) : (
          <>
            {budget.guidelines.illustrative && (
              <Alert color="indigo" title="Illustrative guidelines">
                The guideline table ({budget.guidelines.version}) holds invented figures, not the licensed SFS spending
                guidelines: do not use it to assess a client’s budget.
              </Alert>
            )}
            {budget.guidelineFlags.length === 0 ? (
              <Text size="sm">No flexible cost is above its guideline for this household.</Text>
            ) : (
              <List size="sm" aria-label="Guideline flags">
                {budget.guidelineFlags.map((f) => (
                  <List.Item key={f.category}>
                    {categoryLabel(f.category)}: {formatPence(f.monthlySpent)} a month is {formatPence(f.overBy)} over the
                    guideline of {formatPence(f.guideline)} for {budget.adults} {budget.adults === 1 ? 'adult' : 'adults'} and{' '}
                    {budget.children} {budget.children === 1 ? 'child' : 'children'}. Creditors may query it: note why it is needed.
                  </List.Item>
                ))}
              </List>
            )}
          </>
        )}
      </Stack>
    </Stack>
  );
}
