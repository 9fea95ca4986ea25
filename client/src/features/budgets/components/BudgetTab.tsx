import { Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { formatDateTime, humanise } from '@/lib/format';
import { useBudget } from '../api/get-budget';
import { useBudgetVersion } from '../api/get-budget-version';
import { useBudgetVersions } from '../api/list-budget-versions';
import { useSaveBudget } from '../api/save-budget';
import { BudgetForm, budgetToForm } from './BudgetForm';
import { BudgetView } from './BudgetView';

function Versions({ caseId, current }: { caseId: string; current: number }) {
  const versions = useBudgetVersions(caseId);
  const [shown, setShown] = useState<number | null>(null);
  const version = useBudgetVersion(caseId, shown);
  return (
    <Card withBorder component="section" aria-labelledby="budget-versions">
      <Stack>
        <Title order={2} size="h4" id="budget-versions">
          Versions
        </Title>
        {versions.isPending ? (
          <LoadingState label="Loading versions…" />
        ) : versions.isError ? (
          <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
        ) : versions.data.items.length === 0 ? (
          <EmptyState>No versions saved yet.</EmptyState>
        ) : (
          <Table aria-label="Budget versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Version</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Saved</Table.Th>
                <Table.Th scope="col">Household</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...versions.data.items].reverse().map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>
                    {v.version}
                    {v.version === current ? ' (current)' : ''}
                  </Table.Td>
                  <Table.Td>{humanise(v.kind)}</Table.Td>
                  <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                  <Table.Td>
                    {v.adults} + {v.children}
                  </Table.Td>
                  <Table.Td>
                    {v.version !== current && (
                      <Button size="xs" variant="subtle" onClick={() => setShown(shown === v.version ? null : v.version)}>
                        {shown === v.version ? 'Hide' : `Show version ${v.version}`}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {shown !== null &&
          (version.isPending ? (
            <LoadingState label={`Loading version ${shown}…`} />
          ) : version.isError ? (
            <ErrorState error={version.error} onRetry={() => void version.refetch()} />
          ) : (
            <BudgetView budget={version.data} />
          ))}
      </Stack>
    </Card>
  );
}

// The case's budget in the Standard Financial Statement layout: the current version, a form for
// the next, and the versions before it.
export function BudgetTab({ caseId, editable }: { caseId: string; editable: boolean }) {
  const budget = useBudget(caseId);
  const save = useSaveBudget();
  const [editing, setEditing] = useState(false);
  if (budget.isPending) return <LoadingState label="Loading the budget…" />;
  if (budget.isError) return <ErrorState error={budget.error} onRetry={() => void budget.refetch()} />;
  const current = budget.data;
  const finalOnly = current?.kind === 'final';
  const form = (
    <BudgetForm
      defaultValues={budgetToForm(current, current === null ? 'initial' : finalOnly ? 'final' : 'revised')}
      finalOnly={finalOnly}
      save={async (values) => {
        await save.mutateAsync({ caseId, values });
        setEditing(false);
      }}
      onCancel={current === null ? undefined : () => setEditing(false)}
    />
  );
  return (
    <Stack>
      {current === null ? (
        editable ? (
          <>
            <Text>No budget yet. Enter the client’s income and spending; each save is a new version.</Text>
            {form}
          </>
        ) : (
          <EmptyState>This case has no budget.</EmptyState>
        )
      ) : editing ? (
        form
      ) : (
        <>
          {editable && (
            <Group>
              <Button onClick={() => setEditing(true)}>Save a new version</Button>
            </Group>
          )}
          <BudgetView budget={current} />
          <Versions caseId={caseId} current={current.version} />
        </>
      )}
    </Stack>
  );
}
