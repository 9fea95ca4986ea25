import { SearchPage } from '@/features/search/components/SearchPage';
import type { User } from '@/lib/auth/session';
import { useUrlFilters } from '@/lib/search-params';
import { useCentreChoice } from './centre-choice';

// Search, across the caller's centre; admins choose the centre. A new search from the header box
// starts the page afresh with its words.
export function SearchRoute({ user }: { user: User }) {
  const { centreId, choices, choose } = useCentreChoice(user);
  const [{ q }] = useUrlFilters(['q'] as const);
  return <SearchPage key={q ?? ''} centres={choices} centreId={centreId} onCentre={choose} />;
}
