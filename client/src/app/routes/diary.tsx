import { useInfiniteQuery } from '@tanstack/react-query';
import { DiaryPage } from '@/features/appointments/components/DiaryPage';
import { centresQuery } from '@/features/centres/api/list-centres';
import type { User } from '@/lib/auth/session';
import { useUrlFilters } from '@/lib/search-params';
import { useAdvisers } from './casework';

// The diary, with the advisers of the centre shown to look at or book for (managers and admins,
// who may list users; others see their own diary and the centre's). Admins choose the centre,
// kept in the URL.
export function DiaryRoute({ user }: { user: User }) {
  const isAdmin = user.role === 'admin';
  const [{ centre }, setFilters] = useUrlFilters(['centre'] as const);
  const centreId = isAdmin && centre !== undefined ? centre : user.centreId;
  const centres = useInfiniteQuery({ ...centresQuery(), enabled: isAdmin });
  const choices = isAdmin ? (centres.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({ id: c.id, label: `${c.name} (${c.code})` })) : null;
  return (
    <DiaryPage
      user={user}
      advisers={useAdvisers(user, centreId)}
      centres={choices !== null && !choices.some((c) => c.id === centreId) ? [{ id: centreId, label: 'Your centre' }, ...choices] : choices}
      centreId={centreId}
      onCentre={(id) => setFilters({ centre: id === user.centreId ? undefined : id })}
    />
  );
}
