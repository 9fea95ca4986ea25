import { setupServer } from 'msw/node';
import { on } from './api';

// The mocked network of the screen tests. Each test installs the handlers it needs (see api.ts).
// The app bar's notifications bell asks on every screen: by default there are none.
export const server = setupServer(
  on('get', '/api/v1/me/notifications', () => ({ status: 200, body: { items: [], nextCursor: null, unreadCount: 0 } })),
);
