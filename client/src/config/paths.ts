// Every route of the app in one place, so links and the router cannot drift apart.
export const paths = {
  home: '/',
  signIn: '/sign-in',
  changePassword: '/account/password',
  clients: '/clients',
  client: '/clients/:id',
  cases: '/cases',
  case: '/cases/:id',
  tasks: '/tasks',
  task: '/tasks/:id',
  centreTasks: '/centre-tasks',
  diary: '/diary',
  appointment: '/appointments/:id',
  document: '/documents/:id',
  search: '/search',
  centres: '/admin/centres',
  users: '/admin/users',
  audit: '/admin/audit',
  jobs: '/admin/jobs',
  notifications: '/notifications',
  webhooks: '/admin/webhooks',
  webhook: '/admin/webhooks/:id',
  retention: '/admin/retention',
} as const;

export type AppPath = (typeof paths)[keyof typeof paths];

// The address of one record's page.
export const linkTo = {
  client: (id: string) => `/clients/${encodeURIComponent(id)}`,
  case: (id: string, tab?: string) => `/cases/${encodeURIComponent(id)}${tab === undefined ? '' : `?tab=${tab}`}`,
  task: (id: string) => `/tasks/${encodeURIComponent(id)}`,
  appointment: (id: string) => `/appointments/${encodeURIComponent(id)}`,
  document: (id: string) => `/documents/${encodeURIComponent(id)}`,
  webhook: (id: string) => `/admin/webhooks/${encodeURIComponent(id)}`,
};
