import { DiaryPage } from '@/features/appointments/components/DiaryPage';
import type { User } from '@/lib/auth/session';
import { useAdvisers } from './casework';

// The diary, with the advisers of the caller's centre to look at or book for (managers and
// admins, who may list users; others see their own diary and the centre's).
export function DiaryRoute({ user }: { user: User }) {
  return <DiaryPage user={user} advisers={useAdvisers(user, undefined)} />;
}
