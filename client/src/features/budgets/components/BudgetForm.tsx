import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { MoneyInput } from '@/components/MoneyInput';
import { humanise } from '@/lib/format';
import { applyApiErrors } from '@/lib/forms';
import { formatPence, monthlyPence, parseMoney, penceToInput } from '@/lib/money';
import { budgetFormSchema, budgetKinds, frequencies, isBudgetField, type BudgetFormValues } from '../api/save-budget';
import type { Budget } from '../api/get-budget';
import { categories, sections, type BudgetSection } from '../categories';

// The monthly figure of a line as typed, or null while its amount is not an amount.
function lineMonthly(line: { amount: string; frequency: BudgetFormValues['lines'][number]['frequency'] } | undefined): number | null {
  if (line === undefined) return null;
  const parsed = parseMoney(line.amount);
  return parsed.ok ? monthlyPence(parsed.pence, line.frequency) : null;
}

export type Totals = Record<BudgetSection, number> & { expenditure: number; surplus: number };

// The same sums the server makes: each line rounded once, then added exactly.
export function totalsOf(lines: BudgetFormValues['lines']): Totals {
  const t: Totals = { income: 0, fixed_costs: 0, flexible_costs: 0, priority_debt_payments: 0, savings: 0, expenditure: 0, surplus: 0 };
  for (const l of lines) t[l.section] += lineMonthly(l) ?? 0;
  t.expenditure = t.fixed_costs + t.flexible_costs + t.priority_debt_payments + t.savings;
  t.surplus = t.income - t.expenditure;
  return t;
}

function LiveTotals({ control }: { control: Control<BudgetFormValues> }) {
  const lines = useWatch({ control, name: 'lines' });
  const t = totalsOf(lines);
  return (
    <Card withBorder aria-label="Monthly totals as entered">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {sections.map((s) => (
          <div key={s.id}>
            <Text size="xs" c="gray.7" fw={600}>
              {s.label}
            </Text>
            <Text size="sm">{formatPence(t[s.id])}</Text>
          </div>
        ))}
        <div>
          <Text size="xs" c="gray.7" fw={600}>
            Total expenditure
          </Text>
          <Text size="sm">{formatPence(t.expenditure)}</Text>
        </div>
        <div>
          <Text size="xs" c="gray.7" fw={600}>
            {t.surplus < 0 ? 'Deficit' : 'Surplus'}
          </Text>
          <Text size="sm" fw={700} c={t.surplus < 0 ? 'red.8' : undefined} aria-live="polite">
            {formatPence(t.surplus)} a month
          </Text>
        </div>
      </SimpleGrid>
    </Card>
  );
}

function LineMonthly({ control, index }: { control: Control<BudgetFormValues>; index: number }) {
  const line = useWatch({ control, name: `lines.${index}` });
  const monthly = lineMonthly(line);
  return <Text size="sm">{monthly === null ? '—' : formatPence(monthly)}</Text>;
}

export function budgetToForm(budget: Budget | null, defaultKind: BudgetFormValues['kind']): BudgetFormValues {
  return {
    kind: defaultKind,
    notes: budget?.notes ?? '',
    adults: budget === null ? '' : String(budget.adults),
    children: budget === null ? '' : String(budget.children),
    lines: (budget?.lines ?? []).map((l) => ({
      section: l.section,
      category: l.category,
      label: l.label,
      amount: penceToInput(l.amount),
      frequency: l.frequency,
    })),
  };
}

// A whole budget, saved as a new version. Monthly figures and totals follow the typing.
export function BudgetForm({
  defaultValues,
  finalOnly,
  save,
  onCancel,
}: {
  defaultValues: BudgetFormValues;
  finalOnly: boolean;
  save: (values: BudgetFormValues) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<BudgetFormValues>({ resolver: zodResolver(budgetFormSchema), defaultValues });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save(values);
    } catch (error) {
      setFormError(applyApiErrors(error, isBudgetField, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Budget">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label="Kind"
            description={finalOnly ? 'After a final version only a final one may follow.' : undefined}
            data={(finalOnly ? (['final'] as const) : budgetKinds).map((k) => ({ value: k, label: humanise(k) }))}
            error={errors.kind?.message}
            {...form.register('kind')}
          />
          <TextInput
            label="Adults in the household"
            description="Blank: from the client’s record"
            inputMode="numeric"
            error={errors.adults?.message}
            {...form.register('adults')}
          />
          <TextInput
            label="Children in the household"
            description="Blank: from the client’s record"
            inputMode="numeric"
            error={errors.children?.message}
            {...form.register('children')}
          />
        </SimpleGrid>
        {errors.lines?.message !== undefined && (
          <Text c="red.8" size="sm" role="alert">
            {errors.lines.message}
          </Text>
        )}
        {sections.map((s) => {
          const here = lines.fields.map((f, index) => ({ f, index })).filter(({ f }) => f.section === s.id);
          const choices = categories.filter((c) => c.section === s.id).map((c) => ({ value: c.id, label: c.label }));
          return (
            <Card withBorder key={s.id} component="fieldset" aria-label={s.label}>
              <Title order={3} size="h5" mb="xs" component="legend">
                {s.label}
              </Title>
              {here.length === 0 ? (
                <Text size="sm" c="gray.7">
                  No items.
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={760}>
                  <Table aria-label={`${s.label} items`}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Category</Table.Th>
                        <Table.Th scope="col">Description</Table.Th>
                        <Table.Th scope="col">Amount</Table.Th>
                        <Table.Th scope="col">How often</Table.Th>
                        <Table.Th scope="col">Monthly</Table.Th>
                        <Table.Th scope="col">
                          <VisuallyHidden>Remove</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {here.map(({ f, index }, n) => {
                        const e = errors.lines?.[index];
                        return (
                          <Table.Tr key={f.id}>
                            <Table.Td>
                              <NativeSelect
                                aria-label={`${s.label} item ${n + 1} category`}
                                data={[{ value: '', label: 'Choose…' }, ...choices]}
                                error={e?.category?.message}
                                {...form.register(`lines.${index}.category`)}
                              />
                            </Table.Td>
                            <Table.Td>
                              <TextInput aria-label={`${s.label} item ${n + 1} description`} error={e?.label?.message} {...form.register(`lines.${index}.label`)} />
                            </Table.Td>
                            <Table.Td>
                              <MoneyInput aria-label={`${s.label} item ${n + 1} amount`} error={e?.amount?.message} {...form.register(`lines.${index}.amount`)} />
                            </Table.Td>
                            <Table.Td>
                              <NativeSelect
                                aria-label={`${s.label} item ${n + 1} frequency`}
                                data={frequencies.map((fr) => ({ value: fr, label: humanise(fr) }))}
                                error={e?.frequency?.message}
                                {...form.register(`lines.${index}.frequency`)}
                              />
                            </Table.Td>
                            <Table.Td aria-label={`${s.label} item ${n + 1} monthly`}>
                              <LineMonthly control={form.control} index={index} />
                            </Table.Td>
                            <Table.Td>
                              <Button size="xs" variant="subtle" color="red" onClick={() => lines.remove(index)} aria-label={`Remove ${s.label} item ${n + 1}`}>
                                Remove
                              </Button>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              <Button
                mt="xs"
                size="xs"
                variant="light"
                onClick={() => lines.append({ section: s.id, category: '', label: '', amount: '', frequency: 'monthly' })}
              >
                Add to {s.label.toLowerCase()}
              </Button>
            </Card>
          );
        })}
        <LiveTotals control={form.control} />
        <Textarea label="Notes" autosize minRows={2} error={errors.notes?.message} {...form.register('notes')} />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            Save budget
          </Button>
          {onCancel !== undefined && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
