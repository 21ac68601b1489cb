import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';

import type { Me } from '../api/types';
import { Session } from '../shared/session/session';
import { SessionProvider } from '../shared/session/session-context';

export const AGENT: Me = {
  id: 7,
  username: 'maria',
  role: 'agent',
  created_at: '2026-01-01T00:00:00.000Z',
  organization: null,
};

/** A session already signed in, with no real API or tabs behind it. */
export function signedInSession(user: Me = AGENT): Session {
  const session = new Session({
    auth: {
      login: vi.fn(),
      refreshWithCookie: vi.fn().mockRejectedValue(new Error('no cookie')),
      fetchMe: vi.fn().mockResolvedValue(user),
      logout: vi.fn().mockResolvedValue(undefined),
    },
    channel: { post: vi.fn(), listen: vi.fn() },
    now: () => Date.now(),
    storage: sessionStorage,
  });
  session.store.signedIn(user, 'token-1', Date.now() + 60_000);
  return session;
}

export function renderWithProviders(ui: ReactElement, session = signedInSession()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <SessionProvider session={session}>
      <QueryClientProvider client={client}>{ui}</QueryClientProvider>
    </SessionProvider>,
  );
}

/** Answers fetch calls in order with these JSON bodies and statuses. */
export function stubFetch(...answers: [number, unknown][]) {
  const calls: Request[] = [];
  const fetch = vi.fn((request: Request) => {
    calls.push(request);
    const [status, body] = answers.shift() ?? [500, { title: 'no more answers' }];
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return Promise.resolve(
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': type },
      }),
    );
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}
