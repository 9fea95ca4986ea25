import { useCentres } from '@/features/centres/api/list-centres';
import { AuditPage } from '@/features/audit/components/AuditPage';
import { UsersPage } from '@/features/users/components/UsersPage';
import type { User } from '@/lib/auth/session';

// The admin screens that show centres by name get them here, so features stay independent.
function useCentreOptions() {
  const centres = useCentres();
  return (centres.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({ id: c.id, label: `${c.code} · ${c.name}` }));
}

export function UsersRoute({ user }: { user: User }) {
  return <UsersPage caller={user} centres={useCentreOptions()} />;
}

export function AuditRoute({ user }: { user: User }) {
  return <AuditPage caller={user} centres={useCentreOptions()} />;
}
