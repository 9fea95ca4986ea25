import { useInfiniteQuery } from '@tanstack/react-query';
import { centresQuery } from '@/features/centres/api/list-centres';
import type { User } from '@/lib/auth/session';
import { useUrlFilters } from '@/lib/search-params';

export type CentreChoice = { id: string; label: string };

// The centre a screen shows. Admins, who must name a centre for the API, choose it (kept in the
// URL as `centre`; their own by default); everyone else has only their own, and no choice.
export function useCentreChoice(user: User) {
  const isAdmin = user.role === 'admin';
  const [{ centre }, setFilters] = useUrlFilters(['centre'] as const);
  const centreId = isAdmin && centre !== undefined ? centre : user.centreId;
  const centres = useInfiniteQuery({ ...centresQuery(), enabled: isAdmin });
  const listed = (centres.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({ id: c.id, label: `${c.name} (${c.code})` }));
  const choices: CentreChoice[] | null = isAdmin ? (listed.some((c) => c.id === centreId) ? listed : [{ id: centreId, label: 'Your centre' }, ...listed]) : null;
  const choose = (id: string) => setFilters({ centre: id === user.centreId ? undefined : id });
  return { centreId, choices, choose };
}
