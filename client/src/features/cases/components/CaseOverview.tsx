import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { MoneyInput } from '@/components/MoneyInput';
import { linkTo } from '@/config/paths';
import type { User } from '@/lib/auth/session';
import { formatDate, formatDateTime, humanise } from '@/lib/format';
import { applyApiErrors, errorMessage } from '@/lib/forms';
import { formatPence, penceToInput } from '@/lib/money';
import type { CaseDetail } from '../api/get-case';
import { casePriorities, type CaseStatus } from '../api/list-cases';
import {
  finished,
  isComplianceRefusal,
  transitionFields,
  transitionKind,
  transitionSchema,
  transitionsFor,
  useTransitionCase,
  type TransitionInput,
  type TransitionKind,
} from '../api/transition-case';
import { caseDetailsFields, caseDetailsSchema, detailsToBody, useUpdateCase, type CaseDetailsInput } from '../api/update-case';
import { adviserName, StatusBadge, type AdviserOption } from './CasesTable';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

const ACTION_LABEL: Record<TransitionKind, (to: CaseStatus) => string> = {
  start: () => 'Start work',
  close: () => 'Close case',
  refer: () => 'Refer',
  cancel: () => 'Cancel case',
  reopen: () => 'Reopen case',
};

function TransitionForm({ c, to, caller, onDone }: { c: CaseDetail; to: CaseStatus; caller: User; onDone: () => void }) {
  const kind = transitionKind(c.status, to);
  const transition = useTransitionCase();
  const [formError, setFormError] = useState<string | null>(null);
  const [checklistRefusal, setChecklistRefusal] = useState<string | null>(null);
  const mayOverride = kind === 'close' && (caller.role === 'manager' || caller.role === 'admin');
  const form = useForm<TransitionInput>({
    resolver: zodResolver(transitionSchema),
    defaultValues: { kind, outcome: '', closureReason: '', reason: '', complianceOverrideReason: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    setChecklistRefusal(null);
    transition.mutate(
      { id: c.id, to, values },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isComplianceRefusal(error)) setChecklistRefusal(errorMessage(error));
          else setFormError(applyApiErrors(error, transitionFields, form.setError));
        },
      },
    );
  });
  const finishing = kind === 'close' || kind === 'refer' || kind === 'cancel';
  return (
    <form onSubmit={submit} noValidate aria-label={ACTION_LABEL[kind](to)}>
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        {checklistRefusal !== null && (
          <Alert color="red" role="alert" title="The compliance checklist is not complete">
            <Text size="sm">{checklistRefusal}</Text>
            <Anchor component={Link} to={linkTo.case(c.id, 'compliance')} onClick={onDone} size="sm">
              Open the compliance checklist
            </Anchor>
            {mayOverride && (
              <Text size="sm" mt="xs">
                As a manager you may close it anyway: give the reason below.
              </Text>
            )}
          </Alert>
        )}
        <Text size="sm">
          From {humanise(c.status)} to {humanise(to)}.
        </Text>
        {finishing && (
          <>
            <Textarea
              label="Outcome"
              required={kind === 'close'}
              autosize
              minRows={2}
              error={errors.outcome?.message}
              {...form.register('outcome')}
            />
            <Textarea
              label={kind === 'close' ? 'Reason for closing' : 'Reason'}
              required={kind === 'close'}
              autosize
              minRows={2}
              error={errors.closureReason?.message}
              {...form.register('closureReason')}
            />
          </>
        )}
        {mayOverride && (
          <Textarea
            label="Close anyway: why the checklist may stay incomplete"
            description="Managers and admins only; leave empty unless the checklist is incomplete. Recorded in the audit trail."
            autosize
            minRows={2}
            error={errors.complianceOverrideReason?.message}
            {...form.register('complianceOverrideReason')}
          />
        )}
        {(kind === 'reopen' || kind === 'start') && (
          <Textarea
            label={kind === 'reopen' ? 'Reason for reopening' : 'Note for the audit trail (optional)'}
            required={kind === 'reopen'}
            autosize
            minRows={2}
            error={errors.reason?.message}
            {...form.register('reason')}
          />
        )}
        <Button type="submit" loading={transition.isPending} color={kind === 'cancel' ? 'red' : undefined}>
          {ACTION_LABEL[kind](to)}
        </Button>
      </Stack>
    </form>
  );
}

function StatusCard({ c, caller }: { c: CaseDetail; caller: User }) {
  const [to, setTo] = useState<CaseStatus | null>(null);
  const moves = transitionsFor(c, caller.role);
  const isFinished = finished.includes(c.status);
  return (
    <Card withBorder component="section" aria-labelledby="case-status">
      <Stack gap="sm">
        <Title order={2} size="h4" id="case-status">
          Status
        </Title>
        <Group>
          <StatusBadge status={c.status} />
          {c.closedAt !== null && <Text size="sm">Finished {formatDateTime(c.closedAt)}</Text>}
        </Group>
        {c.outcome !== null && <Field label="Outcome">{c.outcome}</Field>}
        {c.closureReason !== null && <Field label="Reason">{c.closureReason}</Field>}
        {moves.length > 0 ? (
          <Group>
            {moves.map((m) => {
              const kind = transitionKind(c.status, m);
              return (
                <Button key={m} variant={kind === 'cancel' ? 'outline' : 'light'} color={kind === 'cancel' ? 'red' : undefined} onClick={() => setTo(m)}>
                  {ACTION_LABEL[kind](m)}
                </Button>
              );
            })}
          </Group>
        ) : (
          <Text size="sm" c="gray.7">
            {isFinished ? 'Only a manager can reopen this case.' : 'Your role cannot change this case’s status.'}
          </Text>
        )}
      </Stack>
      <Modal opened={to !== null} onClose={() => setTo(null)} title="Change the case’s status">
        {to !== null && <TransitionForm c={c} to={to} caller={caller} onDone={() => setTo(null)} />}
      </Modal>
    </Card>
  );
}

function AdviserCard({ c, caller, advisers }: { c: CaseDetail; caller: User; advisers: AdviserOption[] }) {
  const update = useUpdateCase();
  const [choice, setChoice] = useState(c.adviserId ?? '');
  const [error, setError] = useState<string | null>(null);
  const canAssign = caller.role !== 'trainee' && !finished.includes(c.status);
  const options = new Map<string, string>([['', 'Unassigned']]);
  options.set(caller.id, `${caller.firstName} ${caller.lastName} (you)`);
  for (const a of advisers) if (a.id !== caller.id) options.set(a.id, a.label);
  if (c.adviserId !== null && !options.has(c.adviserId)) options.set(c.adviserId, 'The current adviser');
  const save = () => {
    setError(null);
    update.mutate(
      { id: c.id, body: { adviserId: choice } },
      { onError: (e) => setError(errorMessage(e)) },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby="case-adviser">
      <Stack gap="sm">
        <Title order={2} size="h4" id="case-adviser">
          Adviser
        </Title>
        <Text size="sm">{adviserName(c.adviserId, advisers, caller.id)}</Text>
        {canAssign && (
          <Group align="flex-end">
            <NativeSelect
              label="Assign to"
              description="An active user of the case’s centre"
              value={choice}
              data={[...options].map(([value, label]) => ({ value, label }))}
              error={error}
              onChange={(e) => setChoice(e.currentTarget.value)}
            />
            <Button variant="light" onClick={save} loading={update.isPending} disabled={choice === (c.adviserId ?? '')}>
              Assign
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function DetailsForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const update = useUpdateCase();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CaseDetailsInput>({
    resolver: zodResolver(caseDetailsSchema),
    defaultValues: {
      priority: c.priority,
      summary: c.summary,
      nextReviewDate: c.nextReviewDate ?? '',
      assets: penceToInput(c.assets),
      vehicleValue: penceToInput(c.vehicleValue),
      vehicleAdapted: c.vehicleAdapted,
      homeowner: c.homeowner,
      connectedToEnglandOrWales: c.connectedToEnglandOrWales,
      droInLastSixYears: c.droInLastSixYears,
      bankruptInLastFiveYears: c.bankruptInLastFiveYears,
      breathingSpaceInLastYear: c.breathingSpaceInLastYear,
      mentalHealthCrisis: c.mentalHealthCrisis,
    },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    update.mutate(
      { id: c.id, body: detailsToBody(values) },
      { onSuccess: onDone, onError: (error) => setFormError(applyApiErrors(error, caseDetailsFields, form.setError)) },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Case details">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Priority"
            data={casePriorities.map((p) => ({ value: p, label: humanise(p) }))}
            error={errors.priority?.message}
            {...form.register('priority')}
          />
          <TextInput label="Next review date" type="date" error={errors.nextReviewDate?.message} {...form.register('nextReviewDate')} />
        </SimpleGrid>
        <Textarea label="Summary" autosize minRows={3} error={errors.summary?.message} {...form.register('summary')} />
        <Title order={3} size="h5">
          Screening facts
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MoneyInput label="Assets (not counting one vehicle)" error={errors.assets?.message} {...form.register('assets')} />
          <MoneyInput label="Vehicle value" error={errors.vehicleValue?.message} {...form.register('vehicleValue')} />
        </SimpleGrid>
        <Checkbox label="The vehicle is specially adapted" {...form.register('vehicleAdapted')} />
        <Checkbox label="The client owns their home" {...form.register('homeowner')} />
        <Checkbox label="Lived, had property or traded in England or Wales in the last 3 years" {...form.register('connectedToEnglandOrWales')} />
        <Checkbox label="A Debt Relief Order in the last 6 years" {...form.register('droInLastSixYears')} />
        <Checkbox label="Bankrupt in the last 5 years" {...form.register('bankruptInLastFiveYears')} />
        <Checkbox label="A breathing space in the last 12 months" {...form.register('breathingSpaceInLastYear')} />
        <Checkbox label="Receiving mental health crisis treatment" {...form.register('mentalHealthCrisis')} />
        <Button type="submit" loading={update.isPending}>
          Save details
        </Button>
      </Stack>
    </form>
  );
}

const yes = (b: boolean) => (b ? 'Yes' : 'No');

export function CaseOverview({ c, caller, advisers }: { c: CaseDetail; caller: User; advisers: AdviserOption[] }) {
  const [editing, setEditing] = useState(false);
  const f = c.figures;
  const isFinished = finished.includes(c.status);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="case-summary">
          <Stack gap="sm">
            <Title order={2} size="h4" id="case-summary">
              Case
            </Title>
            <SimpleGrid cols={2}>
              <Field label="Reference">{c.reference}</Field>
              <Field label="Client">
                <Anchor component={Link} to={linkTo.client(c.clientId)}>
                  {c.clientName}
                </Anchor>
              </Field>
              <Field label="Priority">{humanise(c.priority)}</Field>
              <Field label="Opened">{formatDateTime(c.openedAt)}</Field>
            </SimpleGrid>
            <Field label="Summary">{c.summary === '' ? '—' : c.summary}</Field>
          </Stack>
        </Card>
        <Card withBorder component="section" aria-labelledby="case-figures">
          <Stack gap="sm">
            <Title order={2} size="h4" id="case-figures">
              Figures
            </Title>
            <SimpleGrid cols={2}>
              <Field label="Total debt">{formatPence(f.totalDebt)}</Field>
              <Field label="Debts still owed">{f.debts}</Field>
              <Field label="Priority debt">{formatPence(f.priorityDebt)}</Field>
              <Field label="Priority arrears">{formatPence(f.priorityArrears)}</Field>
              <Field label="Non-priority debt">{formatPence(f.nonPriorityDebt)}</Field>
              <Field label={f.monthlySurplus !== null && f.monthlySurplus < 0 ? 'Monthly deficit' : 'Monthly surplus'}>
                {f.monthlySurplus === null ? 'No budget yet' : formatPence(f.monthlySurplus)}
              </Field>
              <Field label="Next review">{formatDate(c.nextReviewDate)}</Field>
            </SimpleGrid>
          </Stack>
        </Card>
        <StatusCard c={c} caller={caller} />
        <AdviserCard key={c.adviserId ?? ''} c={c} caller={caller} advisers={advisers} />
      </SimpleGrid>
      <Card withBorder component="section" aria-labelledby="case-screening">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4" id="case-screening">
              Screening facts
            </Title>
            {!isFinished && (
              <Button variant="default" onClick={() => setEditing(true)}>
                Edit details
              </Button>
            )}
          </Group>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Field label="Assets">{formatPence(c.assets)}</Field>
            <Field label="Vehicle value">{formatPence(c.vehicleValue)}</Field>
            <Field label="Vehicle adapted">{yes(c.vehicleAdapted)}</Field>
            <Field label="Homeowner">{yes(c.homeowner)}</Field>
            <Field label="Connected to England or Wales">{yes(c.connectedToEnglandOrWales)}</Field>
            <Field label="DRO in the last 6 years">{yes(c.droInLastSixYears)}</Field>
            <Field label="Bankrupt in the last 5 years">{yes(c.bankruptInLastFiveYears)}</Field>
            <Field label="Breathing space in the last year">{yes(c.breathingSpaceInLastYear)}</Field>
            <Field label="Mental health crisis">{yes(c.mentalHealthCrisis)}</Field>
          </SimpleGrid>
        </Stack>
      </Card>
      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit case details" size="lg">
        <DetailsForm c={c} onDone={() => setEditing(false)} />
      </Modal>
    </Stack>
  );
}
