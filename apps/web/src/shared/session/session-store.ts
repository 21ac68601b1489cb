import type { Me } from '../../api/types';

/**
 * `starting`: looking for a session (another tab's, or the refresh cookie's);
 * `signed-in`; `signed-out`: never signed in or signed out; `expired`: the session ended
 * while in use, so the sign-in page says why and brings the user back.
 */
export type SessionStatus = 'starting' | 'signed-in' | 'signed-out' | 'expired';

export interface SessionState {
  status: SessionStatus;
  user?: Me;
  accessToken?: string;
  /** Epoch milliseconds (this tab's clock) when the access token stops working. */
  expiresAt?: number;
}

type Listener = () => void;

/** The session of this tab, in memory only: a reload starts again from the refresh cookie. */
export class SessionStore {
  private state: SessionState = { status: 'starting' };
  private readonly listeners = new Set<Listener>();

  get = (): SessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  signedIn(user: Me, accessToken: string, expiresAt: number): void {
    this.set({ status: 'signed-in', user, accessToken, expiresAt });
  }

  /** Keeps the user, replaces the token (a refresh). */
  renewed(accessToken: string, expiresAt: number): void {
    if (!this.state.user) return;
    this.set({ ...this.state, status: 'signed-in', accessToken, expiresAt });
  }

  ended(status: 'signed-out' | 'expired'): void {
    this.set({ status });
  }
}
