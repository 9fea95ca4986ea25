import { Alert } from '@mantine/core';
import { useParams } from 'react-router-dom';
import type { User } from '@/lib/auth/session';
import { WebhookPage } from '../components/WebhookPage';
import { WebhooksPage } from '../components/WebhooksPage';

// `webhooks_manage` (docs/permissions.md): managers for their centre, admins for every centre.
function mayManage(user: User): boolean {
  return user.role === 'admin' || user.role === 'manager';
}

function NotForRole() {
  return (
    <Alert color="gray" title="Not available to your role" role="alert">
      Only managers and admins can open this screen.
    </Alert>
  );
}

export function WebhooksRoute({ user }: { user: User }) {
  return mayManage(user) ? <WebhooksPage /> : <NotForRole />;
}

export function WebhookRoute({ user }: { user: User }) {
  const { id = '' } = useParams();
  return mayManage(user) ? <WebhookPage key={id} id={id} /> : <NotForRole />;
}
