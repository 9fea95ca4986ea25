import { useInfiniteQuery } from '@tanstack/react-query';
import { centresQuery } from '@/features/centres/api/list-centres';
import type { User } from '@/lib/auth/session';
import { useUrlFilters } from '@/lib/search-params';

export type CentreChoice = { id: string; label: string };

// The centres an admin may choose from; null for everyone else.
export function useCentreList(user: User): CentreChoice[] | null {
  const isAdmin = user.role === 'admin';
  const centres = useInfiniteQuery({ ...centresQuery(), enabled: isAdmin });
  return isAdmin ? (centres.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({ id: c.id, label: `${c.name} (${c.code})` })) : null;
}

// The centre a screen shows. Admins, who must name a centre for the API, choose it (kept in the
// URL as `centre`; their own by default); everyone else has only their own, and no choice.
export function useCentreChoice(user: User) {
  const isAdmin = user.role === 'admin';
  const [{ centre }, setFilters] = useUrlFilters(['centre'] as const);
  const centreId = isAdmin && centre !== undefined ? centre : user.centreId;
  const listed = useCentreList(user);
  const choices = listed === null || listed.some((c) => c.id === centreId) ? listed : [{ id: centreId, label: 'Your centre' }, ...listed];
  const choose = (id: string) => setFilters({ centre: id === user.centreId ? undefined : id });
  return { centreId, choices, choose };
}
