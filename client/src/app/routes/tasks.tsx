import { useParams } from 'react-router-dom';
import { CentreTasksPage } from '@/features/tasks/components/CentreTasksPage';
import { TaskPage } from '@/features/tasks/components/TaskPage';
import type { User } from '@/lib/auth/session';
import { mayListUsers, useAdvisers } from './casework';
import { useCentreChoice } from './centre-choice';

// A centre's tasks, with the people of that centre to filter by and reassign to (managers and
// admins, who can list users); admins choose the centre.
export function CentreTasksRoute({ user }: { user: User }) {
  const { centreId, choices, choose } = useCentreChoice(user);
  const advisers = useAdvisers(user, centreId);
  return <CentreTasksPage user={user} assignees={mayListUsers(user) ? advisers : null} centres={choices} centreId={centreId} onCentre={choose} />;
}

// One task's page; managers and admins may reassign it to someone of their centre.
export function TaskRoute({ user }: { user: User }) {
  const { id = '' } = useParams();
  const advisers = useAdvisers(user, undefined);
  const name = (uid: string) => (uid === user.id ? 'You' : (advisers.find((a) => a.id === uid)?.label ?? 'A colleague'));
  return <TaskPage id={id} assignees={mayListUsers(user) ? advisers : null} assigneeName={name} />;
}
