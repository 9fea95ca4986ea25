import { useParams } from 'react-router-dom';
import { AppointmentPage } from '@/features/appointments/components/AppointmentPage';
import { DiaryPage } from '@/features/appointments/components/DiaryPage';
import type { User } from '@/lib/auth/session';
import { useAdvisers } from './casework';
import { useCentreChoice } from './centre-choice';

// The diary, with the advisers of the centre shown to look at or book for (managers and admins,
// who may list users; others see their own diary and the centre's). Admins choose the centre.
export function DiaryRoute({ user }: { user: User }) {
  const { centreId, choices, choose } = useCentreChoice(user);
  return <DiaryPage user={user} advisers={useAdvisers(user, centreId)} centres={choices} centreId={centreId} onCentre={choose} />;
}

// One appointment's page, with the advisers it may be moved to.
export function AppointmentRoute({ user }: { user: User }) {
  const { id = '' } = useParams();
  const advisers = useAdvisers(user, undefined);
  const name = (uid: string) => (uid === user.id ? 'You' : (advisers.find((a) => a.id === uid)?.label ?? 'A colleague'));
  return <AppointmentPage id={id} advisers={advisers} adviserName={name} />;
}
