import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorState, LoadingState } from '@/components/ListStates';
import { ApiError } from '@/lib/api/problem';
import { formatDate } from '@/lib/format';
import { errorMessage } from '@/lib/forms';
import { formatPence } from '@/lib/money';
import { useUrlFilters } from '@/lib/search-params';
import { useScreening, type Screening } from '../api/screen-solutions';

const NAMES: Record<Screening['results'][number]['solution'], string> = {
  debt_relief_order: 'Debt Relief Order',
  bankruptcy: 'Bankruptcy',
  individual_voluntary_arrangement: 'Individual Voluntary Arrangement',
  debt_management_plan: 'Debt management plan',
  breathing_space: 'Breathing Space (standard)',
  mental_health_crisis_breathing_space: 'Mental health crisis Breathing Space',
  token_payments: 'Token payments',
  write_off_request: 'Request to write off',
};

// A plain list: its items wrap within the card.
function Bullets({ label, items }: { label: string; items: string[] }) {
  return (
    <ul aria-label={label} style={{ margin: 0, paddingLeft: '1.25rem' }}>
      {items.map((item) => (
        <li key={item}>
          <Text size="sm">{item}</Text>
        </li>
      ))}
    </ul>
  );
}

function Facts({ s }: { s: Screening }) {
  const f = s.facts;
  const items: [string, string][] = [
    ['Debts still owed', formatPence(f.totalDebt)],
    ['Non-priority debt', `${formatPence(f.nonPriorityDebt)} (${f.nonPriorityCreditors} creditors)`],
    ['Monthly surplus', f.monthlySurplus === null ? 'No budget' : formatPence(f.monthlySurplus)],
    ['Assets', formatPence(f.assets)],
    ['Vehicle', `${formatPence(f.vehicleValue)}${f.vehicleAdapted ? ' (adapted)' : ''}`],
    ['Homeowner', f.homeowner ? 'Yes' : 'No'],
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 3 }}>
      {items.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="gray.7" fw={600}>
            {label}
          </Text>
          <Text size="sm">{value}</Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

// Which debt solutions are open on the case's figures and, for each that is not, the rule and the
// figures that rule it out. Screening, not advice.
// The day to assess on (today unless given) is in the URL, so a past screening can be shared.
function AssessOn({ on, setOn }: { on: string | undefined; setOn: (on: string) => void }) {
  const [value, setValue] = useState(on ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOn(value);
  };
  return (
    <form onSubmit={submit} aria-label="Assess on a day">
      <Group align="flex-end">
        <TextInput label="Assess on" description="Blank for today" type="date" value={value} onChange={(e) => setValue(e.currentTarget.value)} />
        <Button type="submit" variant="default">
          Screen
        </Button>
      </Group>
    </form>
  );
}

export function SolutionsTab({ caseId }: { caseId: string }) {
  const [{ on }, setFilters] = useUrlFilters(['on'] as const);
  const screening = useScreening(caseId, on);
  const picker = <AssessOn on={on} setOn={(day) => setFilters({ on: day })} />;
  if (screening.isPending) return <LoadingState label="Screening the case…" />;
  if (screening.isError) {
    return (
      <Stack>
        {picker}
        {screening.error instanceof ApiError && screening.error.status === 422 ? (
          <Alert color="red" role="alert" title="That day cannot be assessed">
            {errorMessage(screening.error)}
          </Alert>
        ) : (
          <ErrorState error={screening.error} onRetry={() => void screening.refetch()} />
        )}
      </Stack>
    );
  }
  const s = screening.data;
  return (
    <Stack>
      {picker}
      <Alert color="blue" title="Screening, not advice">
        Assessed on {formatDate(s.assessedOn)} with the Debt Relief Order limits from {formatDate(s.droLimitsFrom)} and the
        other thresholds from {formatDate(s.rulesFrom)}. Explain every suitable option to the client.
        {s.rulesIllustrative && ' The IVA and debt management plan minimums are illustrative rules of thumb, not legal limits.'}
      </Alert>
      <Card withBorder component="section" aria-labelledby="screening-facts">
        <Title order={2} size="h4" id="screening-facts" mb="sm">
          The figures used
        </Title>
        <Facts s={s} />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {s.results.map((r) => (
          <Card withBorder key={r.solution} component="section" aria-label={NAMES[r.solution]}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={3} size="h5">
                  {NAMES[r.solution]}
                </Title>
                <Badge color={r.available ? 'teal' : 'gray'} variant={r.available ? 'filled' : 'outline'}>
                  {r.available ? 'Open' : 'Ruled out'}
                </Badge>
              </Group>
              {r.barriers.length > 0 && (
                <div>
                  <Text size="sm" fw={600}>
                    Ruled out by
                  </Text>
                  <Bullets label={`Why ${NAMES[r.solution]} is ruled out`} items={r.barriers.map((b) => b.detail)} />
                </div>
              )}
              {r.cautions.length > 0 && (
                <div>
                  <Text size="sm" fw={600}>
                    Worth telling the client
                  </Text>
                  <Bullets label={`Cautions for ${NAMES[r.solution]}`} items={r.cautions} />
                </div>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
