import type { Page } from 'playwright-core';

import { ConsoleWatcher, launchBrowser, type BrowserSession } from '../helpers/browser';
import { Http } from '../helpers/http';
import { startTestApp, type StartOptions, type TestApp } from '../helpers/test-app';
import { ensureWebBuilt } from '../helpers/web-build';

export const PASSWORD = 'correct horse battery';
let counter = 0;
export const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${counter++}`;

/** Retries an assertion until it holds, for state the page updates asynchronously. */
export async function eventually(assertion: () => Promise<void>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface ConsoleHarness {
  testApp: TestApp;
  http: Http;
  browser: BrowserSession;
}

/** The real app on SQLite with the console built, and a Chromium. */
export async function startConsole(
  executablePath: string,
  options: StartOptions & { colorScheme?: 'light' | 'dark' } = {},
): Promise<ConsoleHarness> {
  ensureWebBuilt();
  const testApp = await startTestApp(options);
  const browser = await launchBrowser(executablePath, { colorScheme: options.colorScheme });
  return { testApp, http: new Http(testApp.baseUrl), browser };
}

export async function stopConsole(harness: ConsoleHarness | undefined) {
  await harness?.browser.close();
  await harness?.testApp.close();
}

/** A user with that role (registered, then promoted in the database). */
export async function createUser(
  harness: ConsoleHarness,
  role: 'reporter' | 'agent' | 'admin' = 'reporter',
  prefix: string = role,
) {
  const username = uniqueName(prefix);
  const token = await harness.http.signUp(username, PASSWORD);
  if (role !== 'reporter') {
    await harness.testApp.dataSource.query('UPDATE users SET role = ? WHERE username = ?', [
      role,
      username,
    ]);
  }
  const login = await harness.http.post('/auth/login', { username, password: PASSWORD });
  return { username, token: role === 'reporter' ? token : (login.body.access_token as string) };
}

export async function createTicket(
  harness: ConsoleHarness,
  token: string,
  ticket: Record<string, unknown> = {},
) {
  const result = await harness.http.post(
    '/tickets',
    { issue_type: 'major', impact: 20, customer_type: 'paid', title: 'A ticket', ...ticket },
    { token },
  );
  if (result.status !== 201) throw new Error(`create ticket: ${result.text}`);
  return result.body as { id: number; priority_level: string; status: string };
}

/** Page helpers by role and accessible name. */
export function on(page: Page) {
  return {
    heading: (name: string | RegExp) =>
      page.getByRole('heading', { name, exact: typeof name === 'string' }),
    button: (name: string) => page.getByRole('button', { name, exact: true }),
    link: (name: string | RegExp) =>
      page.getByRole('link', { name, exact: typeof name === 'string' }),
    table: () => page.getByRole('table', { name: 'Tickets' }),
    alert: () => page.getByRole('alert').filter({ hasText: /\S/ }),
  };
}

/** Signs in through the form on whatever page shows it. */
export async function signInHere(page: Page, username: string, password = PASSWORD) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await on(page).button('Sign in').click();
}

export async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/signin`);
  await signInHere(page, username);
  await on(page).heading('Queue').waitFor();
}

/**
 * Statuses of a refresh that finds no session on a page load: 401 (no or spent cookie), or 400
 * while the API still wants the refresh token in the body (before the cookie endpoint lands).
 */
export const NO_SESSION_STATUSES = [400, 401];

/**
 * After a reload or a deep link: signed in again by the refresh cookie, or shown the sign-in
 * form in place of the page (the URL stays), then signed in.
 */
export async function signedInAfterLoad(page: Page, username: string) {
  const signIn = on(page).heading('Sign in');
  const signOut = on(page).button('Sign out');
  await Promise.race([signIn.waitFor(), signOut.waitFor()]);
  if (await signIn.isVisible()) await signInHere(page, username);
  await signOut.waitFor();
}

/**
 * A fresh page with no session hint in storage (tests share one browser profile), failing its
 * test on console errors other than the statuses a test provokes.
 */
export async function watchedPage(harness: ConsoleHarness) {
  const page = await harness.browser.context.newPage();
  page.setDefaultTimeout(15_000);
  // Chromium asks for /favicon.ico when it shows a file that is not HTML.
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  await page.goto(`${harness.testApp.baseUrl}/favicon.svg`);
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  const watcher = new ConsoleWatcher(page);
  return { page, watcher };
}
