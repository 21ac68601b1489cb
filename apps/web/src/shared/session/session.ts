import * as authApi from '../../api/auth';
import type { AccessGrant } from '../../api/auth';
import { ApiError } from '../../api/problem';
import { needsRenewal, renewDelayMs, renewLeadMs } from './refresh-schedule';
import { SessionStore } from './session-store';
import { openTabChannel, withTabLock, type TabChannel, type TabMessage } from './tab-channel';

/** Not a secret: only says "a refresh cookie may exist", so a fresh visit skips the call. */
const HINT_KEY = 'tps.session';
const LOCK_NAME = 'tps-session-refresh';
const PEER_WAIT_MS = 150;
const RETRY_MS = 5_000;
/** Waits before asking again when the API is busy (429) or away (5xx, network). */
const BUSY_BACKOFF_MS = [1_000, 3_000, 6_000];
/** The longest a `Retry-After` is honoured while renewing (requests wait for the renewal). */
const MAX_WAIT_MS = 30_000;

function waitBeforeRetry(error: unknown, attempt: number): number {
  const retryAfter = error instanceof ApiError ? error.problem.retryAfterSeconds : undefined;
  return Math.min(MAX_WAIT_MS, Math.max(BUSY_BACKOFF_MS[attempt], (retryAfter ?? 0) * 1000));
}

/** A refusal ends the session; a busy or unreachable API is asked again a little later. */
const isTransient = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;

export interface SessionDeps {
  auth: Pick<typeof authApi, 'login' | 'refreshWithCookie' | 'fetchMe' | 'logout'>;
  channel: TabChannel;
  now: () => number;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The session of the console. The access token lives in memory; the refresh token in an
 * HttpOnly cookie the page never reads. Renewal happens a little before expiry and once on a
 * 401; tabs renew one at a time (Web Locks) and pass the new token to each other
 * (BroadcastChannel), so the single-use refresh token is never spent twice.
 */
export class Session {
  readonly store = new SessionStore();
  private lifetimeMs = 15 * 60_000;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<boolean> | undefined;

  constructor(private readonly deps: SessionDeps) {
    deps.channel.listen((message) => this.onMessage(message));
  }

  /** Finds the session at start: another tab's token, else the refresh cookie, else none. */
  async start(): Promise<void> {
    if (this.deps.storage.getItem(HINT_KEY) !== '1') return this.store.ended('signed-out');
    this.deps.channel.post({ type: 'who-has-a-token' });
    await new Promise((resolve) => setTimeout(resolve, PEER_WAIT_MS));
    if (this.store.get().status === 'signed-in') return;
    if (!(await this.renew())) this.end('signed-out');
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.adopt(await this.deps.auth.login(username, password));
  }

  /** Ends the session on the server, then here and in every other tab. */
  async signOut(): Promise<void> {
    try {
      await this.deps.auth.logout();
    } catch {
      // Already ended on the server (or unreachable): end it here all the same.
    }
    this.deps.channel.post({ type: 'signed-out' });
    this.end('signed-out');
  }

  /** The session ended while in use (the refresh failed): sign in again. */
  expire(): void {
    if (this.store.get().status === 'signed-in') this.end('expired');
  }

  accessToken = (): string | undefined => this.store.get().accessToken;

  /** One renewal at a time in this tab, and one at a time across tabs. */
  renew = (): Promise<boolean> => {
    this.inFlight ??= this.renewAcrossTabs().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  };

  /** When the tab comes back from the background, timers may have been throttled. */
  checkAfterWake(): void {
    const { status, expiresAt } = this.store.get();
    if (status === 'signed-in' && needsRenewal(expiresAt, this.lifetimeMs, this.deps.now())) {
      void this.renew();
    }
  }

  private async renewAcrossTabs(): Promise<boolean> {
    const tokenBefore = this.store.get().accessToken;
    return withTabLock(LOCK_NAME, async () => {
      const current = this.store.get();
      const followed = current.accessToken !== undefined && current.accessToken !== tokenBefore;
      if (followed && !needsRenewal(current.expiresAt, this.lifetimeMs, this.deps.now())) {
        return true; // another tab renewed while this one waited for the lock
      }
      return this.refreshWithBackoff();
    });
  }

  private async refreshWithBackoff(): Promise<boolean> {
    const sleep = this.deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    for (let attempt = 0; ; attempt++) {
      try {
        await this.adopt(await this.deps.auth.refreshWithCookie());
        return true;
      } catch (error) {
        if (!isTransient(error) || attempt >= BUSY_BACKOFF_MS.length) return false;
        await sleep(waitBeforeRetry(error, attempt));
      }
    }
  }

  private async adopt(grant: AccessGrant): Promise<void> {
    const user = this.store.get().user ?? (await this.deps.auth.fetchMe(grant.accessToken));
    this.lifetimeMs = grant.expiresIn * 1000;
    const expiresAt = this.deps.now() + this.lifetimeMs;
    this.store.signedIn(user, grant.accessToken, expiresAt);
    this.deps.storage.setItem(HINT_KEY, '1');
    this.schedule();
    this.deps.channel.post({
      type: 'token',
      user,
      accessToken: grant.accessToken,
      expiresAt,
      lifetimeMs: this.lifetimeMs,
    });
  }

  private schedule(delayMs?: number): void {
    clearTimeout(this.timer);
    const { expiresAt } = this.store.get();
    if (expiresAt === undefined) return;
    // A little jitter so tabs woken together do not all queue for the lock.
    const jitter = Math.random() * renewLeadMs(this.lifetimeMs) * 0.2;
    const due = delayMs ?? renewDelayMs(expiresAt, this.lifetimeMs, this.deps.now()) + jitter;
    this.timer = setTimeout(() => {
      void this.renew().then((ok) => {
        if (!ok && this.store.get().status === 'signed-in') this.schedule(RETRY_MS);
      });
    }, due);
  }

  private end(status: 'signed-out' | 'expired'): void {
    clearTimeout(this.timer);
    this.deps.storage.removeItem(HINT_KEY);
    this.store.ended(status);
  }

  private onMessage(message: TabMessage): void {
    switch (message.type) {
      case 'token':
        this.lifetimeMs = message.lifetimeMs;
        this.store.signedIn(message.user, message.accessToken, message.expiresAt);
        this.schedule();
        return;
      case 'signed-out':
        this.end('signed-out');
        return;
      case 'who-has-a-token': {
        const { status, user, accessToken, expiresAt } = this.store.get();
        if (status !== 'signed-in' || !user || !accessToken || expiresAt === undefined) return;
        if (needsRenewal(expiresAt, this.lifetimeMs, this.deps.now())) return;
        this.deps.channel.post({
          type: 'token',
          user,
          accessToken,
          expiresAt,
          lifetimeMs: this.lifetimeMs,
        });
        return;
      }
    }
  }
}

/** The console's session, wired to the real API, tabs and clock. */
export function createSession(): Session {
  return new Session({
    auth: authApi,
    channel: openTabChannel(),
    now: () => Date.now(),
    storage: globalThis.localStorage,
  });
}
