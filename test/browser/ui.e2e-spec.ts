import { createHmac } from 'node:crypto';

import type { Page } from 'playwright-core';

import {
  ConsoleWatcher,
  describeWithChromium,
  launchBrowser,
  PHONE,
  type BrowserSession,
} from '../helpers/browser';
import { Http } from '../helpers/http';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/test-app';

jest.setTimeout(60_000);

const PASSWORD = 'correct horse battery';
let counter = 0;
const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${counter++}`;

/** Retries an assertion until it holds, for state the page updates asynchronously. */
async function eventually(assertion: () => Promise<void>, timeoutMs = 10_000) {
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

/** The same token with its expiry moved into the past, signed with the app's real secret. */
function expiredCopyOf(token: string): string {
  const [header, body] = token.split('.');
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  const now = Math.floor(Date.now() / 1000);
  const expired = Buffer.from(
    JSON.stringify({ ...payload, iat: now - 7200, exp: now - 3600 }),
  ).toString('base64url');
  const signature = createHmac('sha256', TEST_JWT_SECRET)
    .update(`${header}.${expired}`)
    .digest('base64url');
  return `${header}.${expired}.${signature}`;
}

describeWithChromium('the web UI in Chromium', (executablePath) => {
  let testApp: TestApp;
  let http: Http;
  let browser: BrowserSession;
  let page: Page;
  let consoleWatcher: ConsoleWatcher;
  // HTTP error statuses a test provokes on purpose; Chromium logs those as console errors.
  let expectedStatuses: number[];

  beforeAll(async () => {
    testApp = await startTestApp();
    http = new Http(testApp.baseUrl);
    browser = await launchBrowser(executablePath);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  beforeEach(async () => {
    expectedStatuses = [];
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    consoleWatcher = new ConsoleWatcher(page);
  });

  afterEach(async () => {
    await page.close();
    const unexpected = consoleWatcher.unexpected(expectedStatuses);
    if (unexpected.length > 0) {
      throw new Error(`Console errors in the page:\n${unexpected.join('\n')}`);
    }
  });

  const open = (hash = '') => page.goto(`${testApp.baseUrl}/${hash}`);
  const heading = (name: string) => page.getByRole('heading', { name, exact: true });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const ticketsTable = () => page.getByRole('table', { name: 'Tickets' });

  async function signUpViaApi() {
    const username = uniqueName('agent');
    return { username, token: await http.signUp(username, PASSWORD) };
  }

  async function signIn(username: string) {
    await open('#/signin');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await button('Sign in').click();
    await heading('Queue').waitFor();
  }

  async function createTicketViaApi(token: string, ticket: Record<string, unknown>) {
    const result = await http.post('/tickets', ticket, { token });
    if (result.status !== 201) throw new Error(`create ticket: ${result.text}`);
    return result.body as { id: number; priority_level: string };
  }

  async function levelCellsText() {
    return ticketsTable().locator('tbody tr td:first-child').allTextContents();
  }

  it('should register a new account, sign in at once and show the empty queue', async () => {
    const username = uniqueName('new');
    await open();
    await heading('Sign in').waitFor();
    await button('Create an account').click();
    await heading('Create account').waitFor();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await button('Create account').click();

    await heading('Queue').waitFor();
    await page.getByText('No tickets yet. Create one with New ticket.').waitFor();
    expect(await page.getByRole('banner').textContent()).toContain(username);
    await button('Sign out').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Queue' }).waitFor();
    await nav.getByRole('link', { name: 'New ticket' }).waitFor();
    await heading('Tickets by priority').waitFor();
    expect(await page.getByText('Page 1 of 1').isVisible()).toBe(true);
  });

  it("should show the server's detail when a username is taken", async () => {
    expectedStatuses = [409];
    const { username } = await signUpViaApi();
    await open('#/register');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await button('Create account').click();

    await page.getByRole('alert').filter({ hasText: 'That username is taken.' }).waitFor();
    await heading('Create account').waitFor();
    expect(await page.getByLabel('Username').inputValue()).toBe(username);
    await button('Back to sign in').click();
    await heading('Sign in').waitFor();
  });

  it('should refuse a wrong password with the server message, then sign in', async () => {
    expectedStatuses = [401];
    const { username } = await signUpViaApi();
    await open();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('not the password');
    await button('Sign in').click();
    await page.getByRole('alert').filter({ hasText: 'Invalid username or password.' }).waitFor();

    await page.getByLabel('Password').fill(PASSWORD);
    await button('Sign in').click();
    await heading('Queue').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('tps.token'))).toBeTruthy();
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('should create a ticket, show its level, score and breakdown, and list it in the queue', async () => {
    const { username } = await signUpViaApi();
    const title = uniqueName('Checkout fails ');
    await signIn(username);
    await page.getByRole('link', { name: 'New ticket' }).click();
    await heading('New ticket').waitFor();
    await page.getByLabel('Issue type').selectOption('critical');
    await page.getByLabel('Affected users').fill('250');
    await page.getByLabel('Customer type').selectOption('enterprise');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Description').fill('Every payment returns 502.');
    await button('Create ticket').click();

    const result = page.getByRole('region', { name: 'Ticket created' });
    await result.waitFor();
    expect(await result.locator('.badge').textContent()).toBe('P1');
    await result.getByText('Score 15').waitFor();
    const why = result.getByRole('table', { name: 'Why this priority' });
    await why.getByRole('row', { name: /Issue type\s*critical\s*5/ }).waitFor();
    await why.getByRole('row', { name: /Customer type\s*enterprise\s*5/ }).waitFor();
    await why.getByRole('row', { name: /Affected users\s*250\s*5/ }).waitFor();
    await why.getByRole('row', { name: /Age\s*0 min\s*0/ }).waitFor();

    await result.getByRole('link', { name: /View ticket #\d+/ }).click();
    await page.getByRole('heading', { name: /^Ticket #\d+$/ }).waitFor();
    await page.getByText(title).waitFor();
    await page.getByText('Every payment returns 502.').waitFor();
    await page.getByRole('table', { name: 'Why this priority' }).waitFor();
    await button('Back to queue').click();

    const row = ticketsTable().getByRole('row', { name: new RegExp(title) });
    await row.getByRole('link', { name: title }).waitFor();
    expect(await row.textContent()).toMatch(/P1\s*15.*critical.*enterprise.*250.*open.*ago/);
  });

  it('should check the form in the browser and show server validation errors by the field', async () => {
    expectedStatuses = [400];
    const { username } = await signUpViaApi();
    await signIn(username);
    await open('#/new');
    await heading('New ticket').waitFor();

    await button('Create ticket').click();
    await page.getByText('Issue type is required.').waitFor();
    await page.getByText('Affected users is required.').waitFor();

    // Bypass the browser's own check to reach the server's validation.
    const impact = page.getByLabel('Affected users');
    await impact.evaluate((input) => input.removeAttribute('min'));
    await page.getByLabel('Issue type').selectOption('minor');
    await impact.fill('0');
    await page.getByLabel('Customer type').selectOption('free');
    await button('Create ticket').click();

    await page.getByRole('alert').filter({ hasText: 'impact must not be less than 1' }).waitFor();
    await page.getByText('impact must not be less than 1', { exact: true }).waitFor();
    expect(await impact.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('region', { name: 'Ticket created' }).count()).toBe(0);
  });

  it('should filter the queue by level and count tickets per level', async () => {
    const { username, token } = await signUpViaApi();
    const low = uniqueName('Typo on pricing page ');
    const medium = uniqueName('Export is slow ');
    await createTicketViaApi(token, {
      issue_type: 'minor',
      impact: 2,
      customer_type: 'free',
      title: low,
    });
    await createTicketViaApi(token, {
      issue_type: 'major',
      impact: 50,
      customer_type: 'paid',
      title: medium,
    });
    const p3Total = (await http.get('/tickets?priority_level=P3&limit=1', { token })).body.total;
    await signIn(username);

    await page.getByLabel('Level').selectOption('P3');
    await ticketsTable().getByRole('link', { name: low }).waitFor();
    await eventually(async () => {
      expect(new Set(await levelCellsText())).toEqual(new Set(['P3']));
    });
    expect(await ticketsTable().getByRole('link', { name: medium }).count()).toBe(0);

    const chart = page.getByRole('list', { name: 'Ticket counts by priority' });
    await eventually(async () => {
      expect(await chart.getByRole('listitem').nth(3).textContent()).toMatch(
        new RegExp(`^P3\\s*${p3Total}\\s*tickets?$`),
      );
    });

    await page.getByLabel('Status').selectOption('closed');
    await page.getByText('No tickets match these filters.').waitFor();
    await button('Clear filters').click();
    await ticketsTable().getByRole('link', { name: medium }).waitFor();
  });

  it('should page through the queue and keep the place on refresh', async () => {
    const { username, token } = await signUpViaApi();
    for (let i = 0; i < 12; i++) {
      await createTicketViaApi(token, {
        issue_type: ['critical', 'major', 'minor'][i % 3],
        impact: 1 + i * 20,
        customer_type: ['enterprise', 'paid', 'free'][i % 3],
        title: `Paging ticket ${i}`,
      });
    }
    const total = (await http.get('/tickets?limit=1', { token })).body.total as number;
    const pages = Math.ceil(total / 10);
    expect(pages).toBeGreaterThan(1);
    await signIn(username);

    await page.getByText(`Page 1 of ${pages}`).waitFor();
    expect(await button('Previous page').isDisabled()).toBe(true);
    const firstPage = await ticketsTable().getByRole('link').allTextContents();
    expect(firstPage).toHaveLength(10);

    await button('Next page').click();
    await page.getByText(`Page 2 of ${pages}`).waitFor();
    expect(await button('Previous page').isDisabled()).toBe(false);
    const secondPage = await ticketsTable().getByRole('link').allTextContents();
    expect(secondPage.some((title) => firstPage.includes(title))).toBe(false);

    // A new ticket arrives; the refresh on focus shows it without leaving page 2.
    await createTicketViaApi(token, { issue_type: 'minor', impact: 1, customer_type: 'free' });
    await page.waitForTimeout(2_100);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.getByText(`of ${total + 1} tickets`).waitFor();
    await page.getByText(`Page 2 of ${Math.ceil((total + 1) / 10)}`).waitFor();

    for (let n = 2; n < Math.ceil((total + 1) / 10); n++) await button('Next page').click();
    await eventually(async () => expect(await button('Next page').isDisabled()).toBe(true));

    await page.getByLabel('Page size').selectOption('25');
    await eventually(async () => {
      expect(await ticketsTable().getByRole('row').count()).toBeGreaterThan(11);
    });
    await page.getByText(new RegExp(`^Page \\d+ of ${Math.ceil((total + 1) / 25)}$`)).waitFor();
  });

  it('should sign out and forget the token', async () => {
    const { username } = await signUpViaApi();
    await signIn(username);
    await button('Sign out').click();

    await heading('Sign in').waitFor();
    await page.getByText('You have signed out.').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('tps.token'))).toBeNull();
    await open('#/queue');
    await heading('Sign in').waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  });

  it('should send the user back to sign in when the token is invalid', async () => {
    expectedStatuses = [401];
    const { username } = await signUpViaApi();
    await signIn(username);
    await page.evaluate(() => sessionStorage.setItem('tps.token', 'not-a-real-token'));
    await page.reload();

    await heading('Sign in').waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Your session has expired. Please sign in again.' })
      .waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('tps.token'))).toBeNull();
  });

  it('should send the user back to sign in when the token has expired, then return', async () => {
    expectedStatuses = [401];
    const { username, token } = await signUpViaApi();
    const { id } = await createTicketViaApi(token, {
      issue_type: 'minor',
      impact: 3,
      customer_type: 'paid',
    });
    await signIn(username);
    await page.evaluate(
      (expired) => sessionStorage.setItem('tps.token', expired),
      expiredCopyOf(token),
    );
    await open(`#/tickets/${id}`);

    await heading('Sign in').waitFor();
    await page.getByText('Your session has expired. Please sign in again.').waitFor();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await button('Sign in').click();
    await heading(`Ticket #${id}`).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe(`#/tickets/${id}`);
  });

  it('should work with the keyboard alone and name every control', async () => {
    const { username } = await signUpViaApi();
    await open();
    await heading('Sign in').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-username');
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await heading('Queue').waitFor();

    for (const hash of ['#/queue', '#/new']) {
      await open(hash);
      await page.locator('main h1').waitFor();
      const unnamed = await page.evaluate(() =>
        [
          ...document.querySelectorAll(
            'main input, main select, main textarea, main button, main a',
          ),
        ]
          .filter((node) => {
            const control = node as HTMLInputElement;
            const name =
              control.labels?.[0]?.textContent ??
              node.getAttribute('aria-label') ??
              node.textContent;
            return !name?.trim();
          })
          .map((node) => node.outerHTML),
      );
      expect(unnamed).toEqual([]);
    }
  });

  it('should fit a phone screen without horizontal scrolling', async () => {
    const { username, token } = await signUpViaApi();
    await createTicketViaApi(token, { issue_type: 'major', impact: 5, customer_type: 'paid' });
    await page.setViewportSize(PHONE);
    await signIn(username);
    await ticketsTable().waitFor();
    expect(await ticketsTable().getByRole('columnheader').count()).toBe(8);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
