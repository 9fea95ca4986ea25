// Every route of the app in one place, so links and the router cannot drift apart.
export const paths = {
  home: '/',
  signIn: '/sign-in',
  changePassword: '/account/password',
  clients: '/clients',
  centres: '/admin/centres',
  users: '/admin/users',
  audit: '/admin/audit',
} as const;

export type AppPath = (typeof paths)[keyof typeof paths];
