import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { AgingService } from '../../apps/api/src/aging/aging.service';

import { describeWithChromium, LAPTOP, launchBrowser, PHONE } from '../helpers/browser';
import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { ensureWebBuilt } from '../helpers/web-build';

// Regenerates docs/screenshots with the real app and browser:
//   SCREENSHOTS=1 npx jest test/browser/screenshots --selectProjects e2e
const OUT_DIR = join(__dirname, '..', '..', 'docs', 'screenshots');
const HOUR_MS = 3_600_000;
const PASSWORD = 'correct horse battery';
const FILES = [
  'signin-laptop.png',
  'new-ticket-laptop.png',
  'queue-laptop.png',
  'queue-phone.png',
  'new-ticket-phone.png',
  'queue-laptop-dark.png',
  'ticket-laptop.png',
  'ticket-laptop-dark.png',
  'ticket-conversation-laptop.png',
];

const SAMPLE_TICKETS: [string, number, string, string, number][] = [
  ['critical', 12_000, 'enterprise', 'Checkout returns 502 for all EU customers', 30],
  ['critical', 40, 'enterprise', 'SSO login loops back to the sign-in page', 8],
  ['major', 800, 'enterprise', 'Invoices PDF export times out', 3],
  ['critical', 5, 'paid', 'Webhook deliveries stopped for one workspace', 2],
  ['major', 150, 'paid', 'Search results miss tickets created today', 26],
  ['minor', 3, 'enterprise', 'Wrong logo on the invoice footer', 50],
  ['major', 25, 'paid', 'CSV import rejects semicolons', 0.5],
  ['minor', 200, 'paid', 'Dark mode: unreadable chart labels', 5],
  ['major', 2, 'free', 'Password reset email arrives late', 12],
  ['minor', 1, 'free', 'Typo on the pricing page', 0.2],
  ['minor', 8, 'free', 'Tooltip overlaps the save button', 1.5],
  ['major', 60, 'free', 'Mobile app crashes when rotating', 0.1],
];

function screenshotSuite(executablePath: string) {
  let testApp: TestApp;

  beforeAll(async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    ensureWebBuilt();
    testApp = await startTestApp();
  }, 120_000);

  afterAll(() => testApp?.close());

  async function seed(http: Http, token: string) {
    const now = Date.now();
    for (const [issue_type, impact, customer_type, title, hoursAgo] of SAMPLE_TICKETS) {
      testApp.setNow(new Date(now - hoursAgo * HOUR_MS));
      await http.post('/tickets', { issue_type, impact, customer_type, title }, { token });
    }
    testApp.setNow(undefined);
    // Age the seeded tickets now, as the re-scorer's timer would within seconds.
    await testApp.app.get(AgingService).rescoreDue();
  }

  async function signIn(page: Page, username: string) {
    await page.goto(`${testApp.baseUrl}/signin`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
  }

  async function createTicket(page: Page, title: string) {
    await page.getByRole('link', { name: 'New ticket' }).click();
    await page.getByLabel('Issue type').selectOption('critical');
    await page.getByLabel('Affected users').fill('250');
    await page.getByLabel('Customer type').selectOption('paid');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Description').fill('Since 09:00 UTC the payments page renders nothing.');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await page.getByRole('heading', { name: 'Ticket created' }).waitFor();
  }

  async function shoot(page: Page, name: string) {
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(OUT_DIR, name) });
  }

  it('should capture sign-in, new ticket and queue at laptop and phone widths', async () => {
    const startedAt = Date.now() - 1_000;
    const http = new Http(testApp.baseUrl);
    const username = 'maria.support';
    await seed(http, await http.signUp(username, PASSWORD));
    // An agent, so the ticket page shows the lifecycle buttons.
    await testApp.dataSource.query("UPDATE users SET role = 'agent' WHERE username = ?", [
      username,
    ]);
    const browser = await launchBrowser(executablePath);
    try {
      const page = await browser.context.newPage();
      await page.setViewportSize(LAPTOP);
      await page.goto(`${testApp.baseUrl}/`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await shoot(page, 'signin-laptop.png');

      await signIn(page, username);
      await createTicket(page, 'Payments page shows a blank screen');
      await shoot(page, 'new-ticket-laptop.png');

      await page.getByRole('link', { name: /^Open ticket #/ }).click();
      await page.getByRole('button', { name: 'Start work' }).click();
      await page.getByText(/is now in progress/).waitFor();
      await page.getByLabel('Message').fill('We are on it: the payment provider answers 502.');
      await page.getByRole('button', { name: 'Send reply' }).click();
      await page.getByText('Reply sent.').waitFor();
      await page.getByLabel('Internal note', { exact: true }).check();
      await page.getByLabel('Message').fill('Provider status page is green; ask them by phone.');
      await page.getByRole('button', { name: 'Add internal note' }).click();
      await page.getByText('Internal note added.').waitFor();
      await shoot(page, 'ticket-conversation-laptop.png');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot(page, 'ticket-laptop.png');

      await page.getByRole('link', { name: 'Queue', exact: true }).click();
      await page.getByRole('table', { name: 'Tickets' }).waitFor();
      await page.getByText('Page 1 of 2').waitFor();
      await shoot(page, 'queue-laptop.png');

      await page.setViewportSize(PHONE);
      await shoot(page, 'queue-phone.png');
      await createTicket(page, 'Refund button does nothing on Android');
      await shoot(page, 'new-ticket-phone.png');
      await page.close();
    } finally {
      await browser.close();
    }
    const dark = await launchBrowser(executablePath, { colorScheme: 'dark' });
    try {
      const page = await dark.context.newPage();
      await signIn(page, username);
      await page.getByText('Page 1 of 2').waitFor();
      await shoot(page, 'queue-laptop-dark.png');
      await page.getByRole('link', { name: 'Payments page shows a blank screen' }).click();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await shoot(page, 'ticket-laptop-dark.png');
    } finally {
      await dark.close();
    }
    for (const file of FILES) {
      expect(statSync(join(OUT_DIR, file)).mtimeMs).toBeGreaterThanOrEqual(startedAt);
    }
  }, 120_000);
}

describeWithChromium('docs/screenshots (run with SCREENSHOTS=1)', screenshotSuite, {
  enabled: process.env.SCREENSHOTS === '1',
});
