import { Alert } from '@mantine/core';
import type { User } from '@/lib/auth/session';
import { JobsPage } from '../components/JobsPage';

// The job queue is the network's, not a centre's: only admins (`jobs_manage`) may open it.
export function JobsRoute({ user }: { user: User }) {
  if (user.role !== 'admin')
    return (
      <Alert color="gray" title="Not available to your role" role="alert">
        Only admins can open this screen.
      </Alert>
    );
  return <JobsPage />;
}
