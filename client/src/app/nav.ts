import { paths } from '@/config/paths';
import type { User } from '@/lib/auth/session';

export type NavItem = { label: string; to: string };

// What each role may open, as the permission matrix of docs/permissions.md allows.
export function navFor(role: User['role']): NavItem[] {
  const items: NavItem[] = [
    { label: 'Dashboard', to: paths.home },
    { label: 'Clients', to: paths.clients },
    { label: 'Cases', to: paths.cases },
    { label: 'My tasks', to: paths.tasks },
    { label: 'Centre tasks', to: paths.centreTasks },
    { label: 'Diary', to: paths.diary },
    { label: 'Notifications', to: paths.notifications },
  ];
  if (role === 'admin' || role === 'manager') {
    items.push({ label: role === 'admin' ? 'Centres' : 'My centre', to: paths.centres });
    items.push({ label: 'Users and roles', to: paths.users });
    items.push({ label: 'Audit trail', to: paths.audit });
    items.push({ label: 'Webhooks', to: paths.webhooks });
    items.push({ label: 'Retention', to: paths.retention });
  }
  if (role === 'admin') items.push({ label: 'Background jobs', to: paths.jobs });
  return items;
}
