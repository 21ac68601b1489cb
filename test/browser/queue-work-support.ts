import type { Page } from 'playwright-core';

import { ConsoleWatcher } from '../helpers/browser';
import {
  createUser,
  NO_SESSION_STATUSES,
  on,
  signedInAfterLoad,
  signIn,
  startConsole,
  stopConsole,
  watchedPage,
  type ConsoleHarness,
} from './console-support';

// The harness of the queue-work browser suites (issues #10, #11, #14): one app and browser per
// file, one user per role, a watched page per test, the controlled clock reset after each.

export const MINUTE_MS = 60_000;
// critical + enterprise + 150 users: P1 (24x7 calendar, 60 / 480 minutes).
export const P1 = { issue_type: 'critical', impact: 150, customer_type: 'enterprise' };

export interface User {
  username: string;
  token: string;
  id: number;
}

export interface QueueWork {
  harness: ConsoleHarness;
  page: Page;
  /** Statuses this test provokes on purpose (Chromium logs them as console errors). */
  expectedStatuses: number[];
  reporter: User;
  agent: User;
  admin: User;
  base(): string;
  ui(): ReturnType<typeof on>;
  /** The first element with this text. */
  text(value: string | RegExp): ReturnType<Page['getByText']>;
  /** Opens a ticket by its address, signing in again if the reload lost the session. */
  openTicket(id: number, who: User): Promise<void>;
  switchUser(who: User): Promise<void>;
}

/** Registers the hooks of a queue-work suite; the returned object is filled before each test. */
export function queueWorkSuite(executablePath: string): QueueWork {
  let watcher: ConsoleWatcher;
  const w = { expectedStatuses: [] as number[] } as QueueWork;

  async function user(role: 'reporter' | 'agent' | 'admin'): Promise<User> {
    const created = await createUser(w.harness, role);
    const me = await w.harness.http.get('/auth/me', { token: created.token });
    return { ...created, id: me.body.id as number };
  }

  beforeAll(async () => {
    w.harness = await startConsole(executablePath, {
      env: { AGING_INTERVAL_MS: '0', LEARNING_INTERVAL_MS: '0' },
    });
    w.reporter = await user('reporter');
    w.agent = await user('agent');
    w.admin = await user('admin');
  }, 180_000);

  afterAll(() => stopConsole(w.harness));

  beforeEach(async () => {
    w.expectedStatuses = [];
    ({ page: w.page, watcher } = await watchedPage(w.harness));
  });

  afterEach(async () => {
    w.harness.testApp.setNow(undefined);
    await w.page.close();
    const unexpected = watcher.unexpected(w.expectedStatuses);
    if (unexpected.length > 0) throw new Error(`Console errors:\n${unexpected.join('\n')}`);
  });

  w.base = () => w.harness.testApp.baseUrl;
  w.ui = () => on(w.page);
  w.text = (value) => w.page.getByText(value).first();
  w.openTicket = async (id, who) => {
    w.expectedStatuses.push(...NO_SESSION_STATUSES);
    await w.page.goto(`${w.base()}/tickets/${id}`);
    await signedInAfterLoad(w.page, who.username);
    await w
      .ui()
      .heading(new RegExp(`^Ticket #${id}`))
      .waitFor();
  };
  w.switchUser = async (who) => {
    await w.ui().button('Sign out').click();
    await w.ui().heading('Sign in').waitFor();
    await signIn(w.page, w.base(), who.username);
  };
  return w;
}
