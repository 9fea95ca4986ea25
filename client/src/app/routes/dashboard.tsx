import { DashboardPage } from '@/features/dashboard/components/DashboardPage';
import type { User } from '@/lib/auth/session';
import { useUrlFilters } from '@/lib/search-params';
import { useAdvisers } from './casework';
import { useCentreList } from './centre-choice';

// The dashboard, with the centres an admin may look at (the whole network by default) and the
// advisers of the centre shown.
export function DashboardRoute({ user }: { user: User }) {
  const [{ centre }] = useUrlFilters(['centre'] as const);
  const advisers = useAdvisers(user, user.role === 'admin' ? (centre ?? user.centreId) : undefined);
  return <DashboardPage user={user} centres={useCentreList(user)} advisers={advisers} />;
}
