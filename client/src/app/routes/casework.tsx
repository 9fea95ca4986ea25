import { Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/ListStates';
import { formatDateTime, humanise } from '@/lib/format';
import { EntityHistory } from '@/features/audit/components/EntityHistory';
import { CaseAppointmentsTab } from '@/features/appointments/components/CaseAppointmentsTab';
import { ClientAppointments } from '@/features/appointments/components/ClientAppointments';
import { BudgetTab } from '@/features/budgets/components/BudgetTab';
import { ComplianceTab, type EvidenceOption } from '@/features/compliance/components/ComplianceTab';
import { useCase } from '@/features/cases/api/get-case';
import { finished } from '@/features/cases/api/transition-case';
import { CaseHeader, CaseNotFound } from '@/features/cases/components/CaseHeader';
import { CaseOverview } from '@/features/cases/components/CaseOverview';
import { CasesPage } from '@/features/cases/components/CasesPage';
import type { AdviserOption } from '@/features/cases/components/CasesTable';
import { ClientCases } from '@/features/cases/components/ClientCases';
import { OpenCaseButton } from '@/features/cases/components/OpenCaseButton';
import { ClientPage } from '@/features/clients/components/ClientPage';
import { ClientsPage } from '@/features/clients/components/ClientsPage';
import { DeleteClientButton } from '@/features/clients/components/DeleteClientButton';
import { DebtsTab } from '@/features/debts/components/DebtsTab';
import { CaseDocumentsTab } from '@/features/documents/components/CaseDocumentsTab';
import { DocumentPage } from '@/features/documents/components/DocumentPage';
import { notesQuery } from '@/features/notes/api/list-notes';
import { NotesTab } from '@/features/notes/components/NotesTab';
import { OffersTab } from '@/features/offers/components/OffersTab';
import { SolutionsTab } from '@/features/solutions/components/SolutionsTab';
import { CaseTasksTab } from '@/features/tasks/components/CaseTasksTab';
import { usersQuery } from '@/features/users/api/list-users';
import { ApiError } from '@/lib/api/problem';
import type { User } from '@/lib/auth/session';
import { useUrlFilters } from '@/lib/search-params';
import { useCentreList } from './centre-choice';

export const mayListUsers = (user: User) => user.role === 'manager' || user.role === 'admin';

// Uploading, new versions and deleting take `cases_write`, which every role holds today
// (docs/permissions.md); a role added later gets no such buttons until it is listed here.
const mayWriteDocuments = (user: User) => (['admin', 'manager', 'advisor', 'trainee'] as const).some((r) => r === user.role);

// The people a case may be assigned to: active users of the centre. Only managers and admins may
// list users; everyone else sees themselves.
export function useAdvisers(user: User, centreId: string | undefined): AdviserOption[] {
  const centre = centreId ?? user.centreId;
  const users = useQuery({ ...usersQuery({ centreId: centre }), enabled: mayListUsers(user) });
  return (users.data?.items ?? [])
    .filter((u) => u.status === 'active' && u.centreId === centre)
    .map((u) => ({ id: u.id, label: `${u.firstName} ${u.lastName} (${u.role})` }));
}

// The notes of a case that may stand as evidence on its compliance checklist.
function useEvidence(caseId: string): EvidenceOption[] {
  const notes = useQuery(notesQuery(caseId));
  return (notes.data?.items ?? []).map((n) => {
    const text = n.body.length > 60 ? `${n.body.slice(0, 60)}…` : n.body;
    return { id: n.id, label: `${humanise(n.type)}, ${formatDateTime(n.createdAt)}: ${text}` };
  });
}

function CaseComplianceTab({ caseId, editable }: { caseId: string; editable: boolean }) {
  return <ComplianceTab caseId={caseId} editable={editable} evidence={useEvidence(caseId)} />;
}

export function CasesRoute({ user }: { user: User }) {
  return <CasesPage caller={user} advisers={useAdvisers(user, undefined)} centres={useCentreList(user)} />;
}

export function ClientsRoute({ user }: { user: User }) {
  return <ClientsPage centres={useCentreList(user)} />;
}

export function ClientRoute({ user }: { user: User }) {
  const { id = '' } = useParams();
  const advisers = useAdvisers(user, undefined);
  return (
    <ClientPage
      id={id}
      actions={(client) => (
        <>
          <OpenCaseButton clientId={client.id} />
          {mayListUsers(user) && <DeleteClientButton client={client} />}
        </>
      )}
      cases={(client) => (
        <>
          <ClientCases client={client} advisers={advisers} meId={user.id} />
          <ClientAppointments
            clientId={client.id}
            centreId={user.role === 'admin' ? client.centreId : undefined}
            advisers={advisers}
            adviserName={(uid) => (uid === user.id ? 'You' : (advisers.find((a) => a.id === uid)?.label ?? 'A colleague'))}
          />
        </>
      )}
    />
  );
}

const TABS = ['overview', 'debts', 'budget', 'offers', 'solutions', 'notes', 'documents', 'compliance', 'tasks', 'appointments', 'history'] as const;
type Tab = (typeof TABS)[number];

// A case with its tabs; the tab is in the URL.
export function CaseRoute({ user }: { user: User }) {
  const { id = '' } = useParams();
  const c = useCase(id);
  const [{ tab }, setFilters] = useUrlFilters(['tab'] as const);
  const advisers = useAdvisers(user, c.data?.centreId);
  if (c.isPending) return <LoadingState label="Loading the case…" />;
  if (c.isError) {
    if (c.error instanceof ApiError && c.error.status === 404) return <CaseNotFound />;
    return <ErrorState error={c.error} onRetry={() => void c.refetch()} />;
  }
  const tabs = TABS.filter((t) => t !== 'history' || mayListUsers(user));
  const current: Tab = tabs.find((t) => t === tab) ?? 'overview';
  const editable = !finished.includes(c.data.status);
  const adviserName = (uid: string) => (uid === user.id ? 'You' : (advisers.find((a) => a.id === uid)?.label ?? 'A colleague'));
  return (
    <>
      <CaseHeader c={c.data} />
      <Tabs
        mt="md"
        value={current}
        keepMounted={false}
        onChange={(v) => setFilters({ tab: v === 'overview' || v === null ? undefined : v })}
      >
        <Tabs.List aria-label="Case sections">
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="debts">Debts</Tabs.Tab>
          <Tabs.Tab value="budget">Budget</Tabs.Tab>
          <Tabs.Tab value="offers">Offers</Tabs.Tab>
          <Tabs.Tab value="solutions">Solutions</Tabs.Tab>
          <Tabs.Tab value="notes">Notes</Tabs.Tab>
          <Tabs.Tab value="documents">Documents</Tabs.Tab>
          <Tabs.Tab value="compliance">Compliance</Tabs.Tab>
          <Tabs.Tab value="tasks">Tasks</Tabs.Tab>
          <Tabs.Tab value="appointments">Appointments</Tabs.Tab>
          {tabs.includes('history') && <Tabs.Tab value="history">History</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <CaseOverview c={c.data} caller={user} advisers={advisers} />
        </Tabs.Panel>
        <Tabs.Panel value="debts" pt="md">
          <DebtsTab caseId={id} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="budget" pt="md">
          <BudgetTab caseId={id} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="offers" pt="md">
          <OffersTab caseId={id} editable={editable} canApply={user.role !== 'trainee'} />
        </Tabs.Panel>
        <Tabs.Panel value="solutions" pt="md">
          <SolutionsTab caseId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
          <NotesTab caseId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <CaseDocumentsTab caseId={id} canWrite={mayWriteDocuments(user)} userName={adviserName} />
        </Tabs.Panel>
        <Tabs.Panel value="compliance" pt="md">
          <CaseComplianceTab caseId={id} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <CaseTasksTab
            caseId={id}
            centreId={user.role === 'admin' ? c.data.centreId : undefined}
            assignees={mayListUsers(user) ? advisers : null}
            assigneeName={adviserName}
          />
        </Tabs.Panel>
        <Tabs.Panel value="appointments" pt="md">
          <CaseAppointmentsTab
            caseId={id}
            centreId={user.role === 'admin' ? c.data.centreId : undefined}
            client={{ id: c.data.clientId, name: c.data.clientName }}
            advisers={advisers.filter((a) => a.id !== user.id)}
            editable={editable}
            adviserName={adviserName}
          />
        </Tabs.Panel>
        {tabs.includes('history') && (
          <Tabs.Panel value="history" pt="md">
            <EntityHistory entityType="case" entityId={id} label="case" />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}

// One document's page; who uploaded each version is named where the caller can list users.
export function DocumentRoute({ user }: { user: User }) {
  const { id = '' } = useParams();
  const advisers = useAdvisers(user, undefined);
  const name = (uid: string) => (uid === user.id ? 'You' : (advisers.find((a) => a.id === uid)?.label ?? 'A colleague'));
  return <DocumentPage id={id} canWrite={mayWriteDocuments(user)} userName={name} />;
}
