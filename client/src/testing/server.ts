import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { API_BASE, on } from './api';

// The mocked network of the screen tests. Each test installs the handlers it needs (see api.ts).
// The app bar's notifications bell asks on every screen: by default there are none. A document's
// page previews its bytes: by default a tiny PDF.
export const server = setupServer(
  on('get', '/api/v1/me/notifications', () => ({ status: 200, body: { items: [], nextCursor: null, unreadCount: 0 } })),
  http.get(`${API_BASE}/api/v1/documents/:id/content`, () =>
    new HttpResponse('%PDF-1.4\n%%EOF\n', { status: 200, headers: { 'Content-Type': 'application/pdf' } }),
  ),
);
