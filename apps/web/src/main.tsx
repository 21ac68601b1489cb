import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { setAuthHooks } from './api/client';
import { ApiError } from './api/problem';
import { App } from './app';
import { createSession } from './shared/session/session';
import { SessionProvider } from './shared/session/session-context';
import './shared/styles.css';

const session = createSession();
setAuthHooks({
  accessToken: session.accessToken,
  renew: session.renew,
  expired: () => session.expire(),
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A 4xx will not change by asking again; a network blip might.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});
// Another user must never see this one's cached tickets.
session.store.subscribe(() => {
  if (session.store.get().status !== 'signed-in') queryClient.clear();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') session.checkAfterWake();
});
void session.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider session={session}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </SessionProvider>
  </StrictMode>,
);
