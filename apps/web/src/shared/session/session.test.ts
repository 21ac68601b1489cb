import { describe, expect, it, vi } from 'vitest';

import { ApiError, problemOf } from '../../api/problem';
import { AGENT } from '../../test/render';
import { renewDelayMs, renewLeadMs } from './refresh-schedule';
import { Session, type SessionDeps } from './session';
import type { TabMessage } from './tab-channel';

function setup(overrides: Partial<SessionDeps['auth']> = {}, onSleep?: (ms: number) => void) {
  let listener: (message: TabMessage) => void = () => undefined;
  const posted: TabMessage[] = [];
  const storage = new Map<string, string>();
  const auth = {
    login: vi.fn().mockResolvedValue({ accessToken: 'a1', expiresIn: 20 }),
    refreshWithCookie: vi.fn().mockResolvedValue({ accessToken: 'a2', expiresIn: 20 }),
    fetchMe: vi.fn().mockResolvedValue(AGENT),
    logout: vi.fn().mockResolvedValue(undefined),
    ...overrides,
  };
  const session = new Session({
    auth,
    channel: { post: (message) => posted.push(message), listen: (handler) => (listener = handler) },
    now: () => 1_000_000,
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
      removeItem: (key) => void storage.delete(key),
    },
    sleep: (ms) => Promise.resolve(onSleep?.(ms)),
  });
  return { session, auth, posted, storage, receive: (message: TabMessage) => listener(message) };
}

describe('refresh schedule', () => {
  it('should renew a quarter of the life early, between 2 s and a minute', () => {
    expect(renewLeadMs(20_000)).toBe(5_000);
    expect(renewLeadMs(15 * 60_000)).toBe(60_000);
    expect(renewLeadMs(4_000)).toBe(2_000);
    expect(renewDelayMs(1_020_000, 20_000, 1_000_000)).toBe(15_000);
    expect(renewDelayMs(1_001_000, 20_000, 1_000_000)).toBe(0);
  });
});

describe(Session.name, () => {
  it('should keep the access token in memory and tell the other tabs', async () => {
    const { session, posted, storage } = setup();
    await session.signIn('maria', 'pw');
    expect(session.store.get()).toMatchObject({
      status: 'signed-in',
      accessToken: 'a1',
      user: AGENT,
    });
    expect(session.store.get().expiresAt).toBe(1_020_000);
    expect(posted).toEqual([expect.objectContaining({ type: 'token', accessToken: 'a1' })]);
    // Only a hint is stored, never a token.
    expect([...storage.values()]).toEqual(['1']);
    session.expire();
  });

  it('should renew once for many callers at the same time', async () => {
    const { session, auth } = setup();
    await session.signIn('maria', 'pw');
    const results = await Promise.all([session.renew(), session.renew(), session.renew()]);
    expect(results).toEqual([true, true, true]);
    expect(auth.refreshWithCookie).toHaveBeenCalledTimes(1);
    expect(session.accessToken()).toBe('a2');
    session.expire();
  });

  it('should follow a token another tab renewed while this one waited for the lock', async () => {
    const { session, auth, receive } = setup();
    await session.signIn('maria', 'pw');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal('navigator', {
      locks: { request: async (_: string, task: () => Promise<unknown>) => (await held, task()) },
    });
    const renewed = session.renew();
    receive({
      type: 'token',
      user: AGENT,
      accessToken: 'from-tab-2',
      expiresAt: 1_020_000,
      lifetimeMs: 20_000,
    });
    release();
    expect(await renewed).toBe(true);
    expect(auth.refreshWithCookie).not.toHaveBeenCalled();
    expect(session.accessToken()).toBe('from-tab-2');
    vi.unstubAllGlobals();
    session.expire();
  });

  it('should say expired when the refresh fails in use, and signed out on a sign-out elsewhere', async () => {
    const { session, receive } = setup({
      refreshWithCookie: vi.fn().mockRejectedValue(new Error('401')),
    });
    await session.signIn('maria', 'pw');
    expect(await session.renew()).toBe(false);
    session.expire();
    expect(session.store.get()).toEqual({ status: 'expired' });
    await session.signIn('maria', 'pw');
    receive({ type: 'signed-out' });
    expect(session.store.get()).toEqual({ status: 'signed-out' });
  });

  it('should hand its token to a new tab that asks', async () => {
    const { session, posted, receive } = setup();
    await session.signIn('maria', 'pw');
    posted.length = 0;
    receive({ type: 'who-has-a-token' });
    expect(posted).toEqual([expect.objectContaining({ type: 'token', accessToken: 'a1' })]);
    session.expire();
  });

  it('should start signed out without calling the API when no session was ever here', async () => {
    const { session, auth } = setup();
    await session.start();
    expect(session.store.get().status).toBe('signed-out');
    expect(auth.refreshWithCookie).not.toHaveBeenCalled();
  });

  it('should end the session on the server when signing out', async () => {
    const { session, auth, posted, storage } = setup();
    await session.signIn('maria', 'pw');
    await session.signOut();
    expect(auth.logout).toHaveBeenCalledTimes(1);
    expect(posted.at(-1)).toEqual({ type: 'signed-out' });
    expect(storage.size).toBe(0);
  });

  it('should ask again when the API is busy, and give up at once when it refuses', async () => {
    const busy = new ApiError(problemOf(429, { detail: 'Too many requests' }, '12'));
    const waits: number[] = [];
    const refused = new ApiError(problemOf(401, { detail: 'Spent token' }));
    const refresh = vi
      .fn()
      .mockRejectedValueOnce(busy)
      .mockRejectedValueOnce(busy)
      .mockResolvedValueOnce({ accessToken: 'a3', expiresIn: 20 })
      .mockRejectedValueOnce(refused);
    const { session } = setup({ refreshWithCookie: refresh }, (ms) => void waits.push(ms));
    await session.signIn('maria', 'pw');
    expect(await session.renew()).toBe(true);
    // Retry-After (12 s) wins over the shorter backoff.
    expect(waits).toEqual([12_000, 12_000]);
    expect(session.accessToken()).toBe('a3');
    expect(await session.renew()).toBe(false);
    expect(refresh).toHaveBeenCalledTimes(4);
    session.expire();
  });
});
