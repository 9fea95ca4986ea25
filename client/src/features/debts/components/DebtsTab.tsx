import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import { humanise } from '@/lib/format';
import { errorMessage } from '@/lib/forms';
import { formatPence } from '@/lib/money';
import { useUrlFilters } from '@/lib/search-params';
import { emptyDebtForm, debtToForm } from '../api/debt-form';
import { useCreateDebt } from '../api/create-debt';
import { useDebt } from '../api/get-debt';
import { useDebts, type Debt } from '../api/list-debts';
import { useRemoveDebt } from '../api/remove-debt';
import { useUpdateDebt } from '../api/update-debt';
import { DebtForm } from './DebtForm';

function Priority({ debt }: { debt: Debt }) {
  const priority = debt.effectivePriority === 'priority';
  return (
    <Stack gap={2}>
      {priority ? (
        <Badge color="red" variant="filled" w="fit-content">
          Priority
        </Badge>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          Non-priority
        </Text>
      )}
      {debt.priorityOverride !== null && (
        <Text size="xs">
          Overridden (by type: {humanise(debt.derivedPriority)}): {debt.priorityReason}
        </Text>
      )}
    </Stack>
  );
}

function EditDebt({ caseId, debtId, onDone }: { caseId: string; debtId: string; onDone: () => void }) {
  const debt = useDebt(caseId, debtId);
  const update = useUpdateDebt();
  if (debt.isPending) return <LoadingState label="Loading the debt…" />;
  if (debt.isError) return <ErrorState error={debt.error} onRetry={() => void debt.refetch()} />;
  return (
    <DebtForm
      label={`Edit the debt to ${debt.data.creditor}`}
      defaultValues={debtToForm(debt.data)}
      submitLabel="Save debt"
      save={async (values) => {
        await update.mutateAsync({ caseId, debtId, values });
        onDone();
      }}
      onCancel={onDone}
    />
  );
}

const COLUMNS = 10;

// The case's debts: priority marked, account references masked, added and changed in place.
// Asks before taking a debt off the case; the API's refusal (a finished case) is shown here.
function RemoveDebt({ caseId, debt, onDone }: { caseId: string; debt: Debt; onDone: () => void }) {
  const remove = useRemoveDebt();
  return (
    <Stack>
      <Text>
        The debt to {debt.creditor} of {formatPence(debt.balance)} will no longer be listed or counted in the case’s figures. The audit trail keeps it.
      </Text>
      {remove.isError && (
        <Alert color="red" role="alert">
          {errorMessage(remove.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Keep it
        </Button>
        <Button color="red" loading={remove.isPending} onClick={() => remove.mutate({ caseId, debtId: debt.id }, { onSuccess: onDone })}>
          Remove the debt
        </Button>
      </Group>
    </Stack>
  );
}

export function DebtsTab({ caseId, editable }: { caseId: string; editable: boolean }) {
  const [{ debtsCursor }, setFilters] = useUrlFilters(['debtsCursor'] as const);
  const debts = useDebts(caseId, debtsCursor);
  const create = useCreateDebt();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Debt | null>(null);
  return (
    <Stack>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={`Remove the debt to ${removing?.creditor ?? ''}?`}>
        {removing !== null && <RemoveDebt caseId={caseId} debt={removing} onDone={() => setRemoving(null)} />}
      </Modal>
      {debts.isPending ? (
        <LoadingState label="Loading debts…" />
      ) : debts.isError ? (
        <ErrorState error={debts.error} onRetry={() => void debts.refetch()} />
      ) : debts.data.items.length === 0 ? (
        <EmptyState>No debts recorded on this case yet.</EmptyState>
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label="Debts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Creditor</Table.Th>
                  <Table.Th scope="col">Kind</Table.Th>
                  <Table.Th scope="col">Account (masked)</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Balance
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Arrears
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Contractual
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Offered
                  </Table.Th>
                  <Table.Th scope="col">Priority</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {debts.data.items.map((d) => (
                  <Fragment key={d.id}>
                    <Table.Tr>
                      <Table.Td>{d.creditor}</Table.Td>
                      <Table.Td>{humanise(d.debtType)}</Table.Td>
                      <Table.Td>
                        {d.accountReference === '' ? '—' : d.accountReference}
                      </Table.Td>
                      <Table.Td ta="right">{formatPence(d.balance)}</Table.Td>
                      <Table.Td ta="right">{formatPence(d.arrears)}</Table.Td>
                      <Table.Td ta="right">{formatPence(d.contractualPayment)}</Table.Td>
                      <Table.Td ta="right">{formatPence(d.offeredPayment)}</Table.Td>
                      <Table.Td>
                        <Priority debt={d} />
                      </Table.Td>
                      <Table.Td>{humanise(d.status)}</Table.Td>
                      <Table.Td>
                        {editable && (
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={`Edit the debt to ${d.creditor}`}
                            aria-expanded={editing === d.id}
                            onClick={() => setEditing(editing === d.id ? null : d.id)}
                          >
                            Edit
                          </Button>
                        )}
                        {editable && (
                          <Button size="xs" variant="outline" color="red" ml={4} aria-label={`Remove the debt to ${d.creditor}`} onClick={() => setRemoving(d)}>
                            Remove
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {editing === d.id && (
                      <Table.Tr>
                        <Table.Td colSpan={COLUMNS}>
                          <EditDebt caseId={caseId} debtId={d.id} onDone={() => setEditing(null)} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager cursor={debtsCursor} nextCursor={debts.data.nextCursor} onChange={(c) => setFilters({ debtsCursor: c })} />
        </>
      )}
      {editable ? (
        adding ? (
          <Card withBorder component="section" aria-labelledby="add-debt">
            <Title order={2} size="h4" id="add-debt" mb="sm">
              Add a debt
            </Title>
            <DebtForm
              label="Add a debt"
              defaultValues={emptyDebtForm()}
              submitLabel="Add debt"
              save={(values) => create.mutateAsync({ caseId, values })}
              onCancel={() => setAdding(false)}
            />
          </Card>
        ) : (
          <Group>
            <Button onClick={() => setAdding(true)}>Add a debt</Button>
          </Group>
        )
      ) : (
        <Text size="sm" c="gray.7">
          This case is finished: its debts cannot be changed until it is reopened.
        </Text>
      )}
    </Stack>
  );
}
