import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';

import type { Session } from './session';
import type { SessionState } from './session-store';

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSessionObject(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** The session state (re-renders on change) and the session itself for its actions. */
export function useSession(): SessionState & { session: Session } {
  const session = useSessionObject();
  const state = useSyncExternalStore(session.store.subscribe, session.store.get);
  return { ...state, session };
}
