import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { loadRuntimeConfig } from '@/config/env';
import { configureApi, restoreSession } from '@/lib/api/client';
import { configureDirectUploads } from '@/lib/api/upload';
import { onSignOutElsewhere } from '@/lib/auth/broadcast';
import { session } from '@/lib/auth/session';
import { App } from './App';
import { Providers } from './Providers';
import { createQueryClient } from './query-client';

// Loads /config.json, restores the session from the refresh cookie, then renders.
export async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  let config;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    root.render(
      <p role="alert" style={{ padding: '2rem', fontFamily: 'system-ui' }}>
        The app cannot start: {error instanceof Error ? error.message : 'unknown error'}
      </p>,
    );
    return;
  }
  configureApi(config.apiBaseUrl);
  configureDirectUploads(config.uploadOrigin);
  const queryClient = createQueryClient();
  onSignOutElsewhere(() => {
    session.signedOut();
    queryClient.clear();
  });
  root.render(
    <StrictMode>
      <Providers queryClient={queryClient}>
        <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <App />
        </BrowserRouter>
      </Providers>
    </StrictMode>,
  );
  const token = await restoreSession(config.apiBaseUrl);
  if (token === null) session.signedOut();
}
