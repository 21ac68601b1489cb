import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page, Response } from 'playwright-core';

import { describeWithChromium } from '../helpers/browser';
import {
  createTicket,
  createUser,
  on,
  PASSWORD,
  signIn,
  startConsole,
  stopConsole,
  watchedPage,
  type ConsoleHarness,
} from './console-support';

// Sessions that last a shift. These tests need the API half of issue #16: login sets the
// refresh token as an HttpOnly cookie (Path=/auth) and POST /auth/refresh accepts it with
// `X-Requested-With: tps-console`. Until the API's auth code sets a cookie, the suite says so
// and is reported as skipped (never passed); once it does, it runs, and checks the cookie.
jest.setTimeout(150_000);

const LIFETIME_S = 20;
const AUTH_DIR = join(__dirname, '../../apps/api/src/auth');

function apiSetsRefreshCookie(dir = AUTH_DIR): boolean {
  return readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory()
      ? apiSetsRefreshCookie(join(dir, entry.name))
      : entry.name.endsWith('.ts') &&
        /setCookie\(/.test(readFileSync(join(dir, entry.name), 'utf8')),
  );
}

const COOKIE_READY = apiSetsRefreshCookie();
if (!COOKIE_READY) {
  console.warn(
    '\n*** console sessions: the API sets no refresh cookie yet (no setCookie in apps/api/src/auth). ' +
      'These tests are SKIPPED, not passed, until the cookie half of issue #16 is merged. ***\n',
  );
}

describeWithChromium(
  'console sessions across token lifetimes',
  (executablePath) => {
    let harness: ConsoleHarness;

    beforeAll(async () => {
      harness = await startConsole(executablePath, { env: { JWT_EXPIRES_IN: `${LIFETIME_S}s` } });
      const { username } = await createUser(harness, 'agent', 'probe');
      const login = await harness.http.post(
        '/auth/login',
        { username, password: PASSWORD },
        { headers: { 'x-requested-with': 'tps-console' } },
      );
      const cookie = login.headers.get('set-cookie') ?? '';
      for (const attribute of [/HttpOnly/i, /SameSite=Strict/i, /Path=\/auth/i]) {
        if (!attribute.test(cookie)) {
          throw new Error(`refresh cookie lacks ${attribute}: ${cookie}`);
        }
      }
    }, 180_000);

    afterAll(() => stopConsole(harness));

    /** Every /auth/refresh answer a page sees. */
    function refreshes(page: Page): number[] {
      const statuses: number[] = [];
      page.on('response', (response: Response) => {
        if (new URL(response.url()).pathname === '/auth/refresh') statuses.push(response.status());
      });
      return statuses;
    }

    it('should keep an agent signed in over three token lifetimes, in two tabs, while working', async () => {
      const { username: agent } = await createUser(harness, 'agent');
      const { token } = await createUser(harness);
      const tickets = [];
      for (let i = 0; i < 4; i++) {
        tickets.push(await createTicket(harness, token, { title: `Shift ${i}` }));
      }
      const { page, watcher } = await watchedPage(harness);
      const seen = refreshes(page);
      await signIn(page, harness.testApp.baseUrl, agent);
      const second = await harness.browser.context.newPage();
      const seenSecond = refreshes(second);
      await second.goto(`${harness.testApp.baseUrl}/`);
      await on(second).heading('Queue').waitFor();

      const ui = on(page);
      const endAt = Date.now() + 3 * LIFETIME_S * 1000 + 5_000;
      const moves = ['Start work', 'Resolve', 'Close', 'Reopen'];
      for (let step = 0; Date.now() < endAt; step++) {
        const ticket = tickets[step % tickets.length];
        await page.goto(`${harness.testApp.baseUrl}/tickets/${ticket.id}`);
        await ui.heading(`Ticket #${ticket.id}: Shift ${step % tickets.length}`).waitFor();
        const move = page
          .getByRole('button', { name: new RegExp(`^(${moves.join('|')})$`) })
          .first();
        await move.click();
        await page.getByText(/is now/).waitFor();
        await on(second).button('Refresh').click();
        expect(await ui.heading('Sign in').count()).toBe(0);
        expect(await on(second).heading('Sign in').count()).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, 6_000));
      }
      // Renewed at least once per lifetime, never refused (a spent token reused would be a 401).
      const all = [...seen, ...seenSecond];
      expect(all.filter((status) => status === 200).length).toBeGreaterThanOrEqual(3);
      expect(all.filter((status) => status !== 200)).toEqual([]);
      expect(watcher.unexpected()).toEqual([]);
      await second.close();
      await page.close();
    });

    it('should stay signed in across a reload, and be signed out everywhere after sign-out', async () => {
      const { username } = await createUser(harness);
      const { page } = await watchedPage(harness);
      await signIn(page, harness.testApp.baseUrl, username);
      await page.reload();
      await on(page).heading('Queue').waitFor();
      expect(await on(page).heading('Sign in').count()).toBe(0);
      await on(page).button('Sign out').click();
      await on(page).heading('Sign in').waitFor();
      // The cookie's session is over on the server: a reload finds none.
      await page.reload();
      await on(page).heading('Sign in').waitFor();
      await page.close();
    });
  },
  { enabled: COOKIE_READY },
);
