import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { App } from '@/app/App';
import { Providers } from '@/app/Providers';
import { createQueryClient } from '@/app/query-client';
import { configureApi } from '@/lib/api/client';
import { configureDirectUploads } from '@/lib/api/upload';
import { session, type SignIn } from '@/lib/auth/session';
import { API_BASE } from './api';

// The whole app at `path`, signed in as `signIn` (or signed out), against the mocked network;
// `uploadOrigin` as /config.json would give it (none: uploads go through the API).
export function renderApp(path: string, signIn: SignIn | null, { uploadOrigin = '' }: { uploadOrigin?: string } = {}) {
  configureApi(API_BASE);
  configureDirectUploads(uploadOrigin);
  if (signIn !== null) session.signedIn(signIn);
  else session.signedOut();
  const queryClient = createQueryClient();
  const user = userEvent.setup();
  const view = render(
    <Providers queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <App />
      </MemoryRouter>
    </Providers>,
  );
  return { user, queryClient, ...view };
}
