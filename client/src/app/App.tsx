import { Alert, Title } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { LoadingState } from '@/components/ListStates';
import { paths } from '@/config/paths';
import { SignInPage } from '@/features/auth/components/SignInPage';
import type { User } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';
import { AppLayout } from './AppLayout';

// Screens beyond sign-in load on first use, so the first page stays small.
const ChangePasswordPage = lazy(() =>
  import('@/features/auth/components/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })),
);
const ClientsRoute = lazy(() => import('./routes/casework').then((m) => ({ default: m.ClientsRoute })));
const CentresPage = lazy(() => import('@/features/centres/components/CentresPage').then((m) => ({ default: m.CentresPage })));
const ClientRoute = lazy(() => import('./routes/casework').then((m) => ({ default: m.ClientRoute })));
const CasesRoute = lazy(() => import('./routes/casework').then((m) => ({ default: m.CasesRoute })));
const CaseRoute = lazy(() => import('./routes/casework').then((m) => ({ default: m.CaseRoute })));
const DocumentRoute = lazy(() => import('./routes/casework').then((m) => ({ default: m.DocumentRoute })));
const DashboardRoute = lazy(() => import('./routes/dashboard').then((m) => ({ default: m.DashboardRoute })));
const DiaryRoute = lazy(() => import('./routes/diary').then((m) => ({ default: m.DiaryRoute })));
const CentreTasksRoute = lazy(() => import('./routes/tasks').then((m) => ({ default: m.CentreTasksRoute })));
const TaskRoute = lazy(() => import('./routes/tasks').then((m) => ({ default: m.TaskRoute })));
const AppointmentRoute = lazy(() => import('./routes/diary').then((m) => ({ default: m.AppointmentRoute })));
const SearchRoute = lazy(() => import('./routes/search').then((m) => ({ default: m.SearchRoute })));
const MyTasksPage = lazy(() => import('@/features/tasks/components/MyTasksPage').then((m) => ({ default: m.MyTasksPage })));
const UsersRoute = lazy(() => import('./routes/admin').then((m) => ({ default: m.UsersRoute })));
const AuditRoute = lazy(() => import('./routes/admin').then((m) => ({ default: m.AuditRoute })));
const JobsRoute = lazy(() => import('@/features/jobs/routes/JobsRoute').then((m) => ({ default: m.JobsRoute })));
const NotificationsPage = lazy(() =>
  import('@/features/notifications/components/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const WebhooksRoute = lazy(() => import('@/features/webhooks/routes/WebhooksRoute').then((m) => ({ default: m.WebhooksRoute })));
const WebhookRoute = lazy(() => import('@/features/webhooks/routes/WebhooksRoute').then((m) => ({ default: m.WebhookRoute })));
const RetentionRoute = lazy(() => import('./routes/retention').then((m) => ({ default: m.RetentionRoute })));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState label="Loading…" />}>{children}</Suspense>;
}

function ManagersOnly({ user, children }: { user: User; children: ReactNode }) {
  if (user.role === 'admin' || user.role === 'manager') return <Page>{children}</Page>;
  return (
    <Alert color="gray" title="Not available to your role" role="alert">
      Only managers and admins can open this screen.
    </Alert>
  );
}

function NotFound() {
  return (
    <>
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Alert mt="md" color="gray">
        There is no page at this address.
      </Alert>
    </>
  );
}

// Where to go once signed in: the page the user first asked for, if any.
function returnTo(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && from !== paths.signIn ? from : paths.home;
}

export function App() {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return <LoadingState label="Starting…" />;
  if (state.status === 'signedOut') {
    return (
      <Routes>
        <Route path={paths.signIn} element={<SignInPage />} />
        <Route path="*" element={<Navigate to={paths.signIn} replace state={{ from: location.pathname + location.search }} />} />
      </Routes>
    );
  }
  const user = state.user;
  return (
    <Routes>
      <Route path={paths.signIn} element={<Navigate to={returnTo(location.state)} replace />} />
      <Route element={<AppLayout user={user} expired={state.status === 'expired'} />}>
        <Route index element={<Page><DashboardRoute user={user} /></Page>} />
        <Route path={paths.changePassword} element={<Page><ChangePasswordPage user={user} /></Page>} />
        <Route path={paths.clients} element={<Page><ClientsRoute user={user} /></Page>} />
        <Route path={paths.client} element={<Page><ClientRoute user={user} /></Page>} />
        <Route path={paths.cases} element={<Page><CasesRoute user={user} /></Page>} />
        <Route path={paths.case} element={<Page><CaseRoute user={user} /></Page>} />
        <Route path={paths.document} element={<Page><DocumentRoute user={user} /></Page>} />
        <Route path={paths.diary} element={<Page><DiaryRoute user={user} /></Page>} />
        <Route path={paths.search} element={<Page><SearchRoute user={user} /></Page>} />
        <Route path={paths.centreTasks} element={<Page><CentreTasksRoute user={user} /></Page>} />
        <Route path={paths.tasks} element={<Page><MyTasksPage /></Page>} />
        <Route path={paths.task} element={<Page><TaskRoute user={user} /></Page>} />
        <Route path={paths.appointment} element={<Page><AppointmentRoute user={user} /></Page>} />
        <Route path={paths.centres} element={<ManagersOnly user={user}><CentresPage user={user} /></ManagersOnly>} />
        <Route path={paths.users} element={<ManagersOnly user={user}><UsersRoute user={user} /></ManagersOnly>} />
        <Route path={paths.audit} element={<ManagersOnly user={user}><AuditRoute user={user} /></ManagersOnly>} />
        <Route path={paths.jobs} element={<Page><JobsRoute user={user} /></Page>} />
        <Route path={paths.notifications} element={<Page><NotificationsPage /></Page>} />
        <Route path={paths.webhooks} element={<Page><WebhooksRoute user={user} /></Page>} />
        <Route path={paths.webhook} element={<Page><WebhookRoute user={user} /></Page>} />
        <Route path={paths.retention} element={<ManagersOnly user={user}><RetentionRoute user={user} /></ManagersOnly>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
