import { useCentres } from '@/features/centres/api/list-centres';
import { RetentionPage } from '@/features/retention/components/RetentionPage';
import type { User } from '@/lib/auth/session';

// The retention report names centres; the centres feature supplies them.
export function RetentionRoute({ user }: { user: User }) {
  const centres = useCentres();
  const options = (centres.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({ id: c.id, label: `${c.code} · ${c.name}` }));
  return <RetentionPage caller={user} centres={options} />;
}
