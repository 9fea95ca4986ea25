import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { ApiError } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';
import { formatPence } from '@/lib/money';
import { useApplyOfferSet } from '../api/apply-offer-set';
import { useOfferSets } from '../api/list-offer-sets';
import { useOfferProposal, type OfferSet } from '../api/propose-offers';
import { useSaveOfferSet } from '../api/save-offer-set';

// Each line's share of the balances, to one decimal place, for the adviser to check the pro rata.
function share(balance: number, total: number): string {
  return total === 0 ? '—' : `${((balance * 100) / total).toFixed(1)}%`;
}

function OfferTable({ set, label }: { set: OfferSet; label: string }) {
  const total = set.lines.reduce((sum, l) => sum + l.balance, 0);
  return (
    <Table aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Creditor</Table.Th>
          <Table.Th scope="col" ta="right">
            Balance
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Share of balances
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Offer a month
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {set.lines.map((l) => (
          <Table.Tr key={l.debtId}>
            <Table.Td>{l.creditor}</Table.Td>
            <Table.Td ta="right">{formatPence(l.balance)}</Table.Td>
            <Table.Td ta="right">{share(l.balance, total)}</Table.Td>
            <Table.Td ta="right">
              {formatPence(l.monthly)}
              {l.token && (
                <Badge ml="xs" size="sm" variant="outline">
                  Token
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row">Total</Table.Th>
          <Table.Td ta="right">{formatPence(total)}</Table.Td>
          <Table.Td />
          <Table.Td ta="right" fw={700}>
            {formatPence(set.totalMonthly)}
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

function Basis({ set }: { set: OfferSet }) {
  return set.token ? (
    <Alert color="indigo" title="Token payments">
      Nothing is available for non-priority creditors in budget version {set.budgetVersion}, so each is offered a token
      payment of £1.00 a month.
    </Alert>
  ) : (
    <Text size="sm">
      {formatPence(set.available)} a month available for non-priority creditors (budget version {set.budgetVersion}), shared
      pro rata by balance. Pence left over go to the largest balances first.
    </Text>
  );
}

function SavedSets({ caseId, canApply }: { caseId: string; canApply: boolean }) {
  const sets = useOfferSets(caseId);
  const apply = useApplyOfferSet();
  if (sets.isPending) return <LoadingState label="Loading saved offers…" />;
  if (sets.isError) return <ErrorState error={sets.error} onRetry={() => void sets.refetch()} />;
  if (sets.data.items.length === 0) return <EmptyState>No offers saved yet.</EmptyState>;
  const newest = [...sets.data.items].reverse();
  return (
    <Stack>
      {newest.map((set, i) => (
        <Card withBorder key={set.id ?? i} component="section" aria-label={`Offers saved ${formatDateTime(set.createdAt)}`}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>Saved {formatDateTime(set.createdAt)}</Text>
              {set.appliedAt !== null ? (
                <Badge color="teal" variant="outline">
                  Applied {formatDateTime(set.appliedAt)}
                </Badge>
              ) : (
                canApply &&
                set.id !== null && (
                  <Button
                    size="xs"
                    loading={apply.isPending && apply.variables.offerId === set.id}
                    onClick={() => apply.mutate({ caseId, offerId: set.id ?? '' })}
                  >
                    Apply offered payments to the debts
                  </Button>
                )
              )}
            </Group>
            <Basis set={set} />
            <OfferTable set={set} label={`Offers saved ${formatDateTime(set.createdAt)}`} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

// Offers to non-priority creditors: computed from the current budget, saved as a set, applied to
// the debts' offered payments.
export function OffersTab({ caseId, editable, canApply }: { caseId: string; editable: boolean; canApply: boolean }) {
  const proposal = useOfferProposal(caseId);
  const save = useSaveOfferSet();
  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="offers-proposal">
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4" id="offers-proposal">
              Offers from the current budget
            </Title>
            <Button variant="default" size="xs" onClick={() => void proposal.refetch()} loading={proposal.isFetching}>
              Compute again
            </Button>
          </Group>
          {proposal.isPending ? (
            <LoadingState label="Computing offers…" />
          ) : proposal.isError ? (
            proposal.error instanceof ApiError && proposal.error.status === 409 ? (
              <EmptyState>{proposal.error.problem?.detail ?? 'Offers need a budget and non-priority debts still owed.'}</EmptyState>
            ) : (
              <ErrorState error={proposal.error} onRetry={() => void proposal.refetch()} />
            )
          ) : (
            <>
              <Basis set={proposal.data} />
              <OfferTable set={proposal.data} label="Proposed offers" />
              {editable && (
                <Group>
                  <Button onClick={() => save.mutate(caseId)} loading={save.isPending}>
                    Save these offers
                  </Button>
                </Group>
              )}
            </>
          )}
        </Stack>
      </Card>
      <Title order={2} size="h4">
        Saved offers
      </Title>
      <SavedSets caseId={caseId} canApply={canApply && editable} />
    </Stack>
  );
}
