import type { Page } from 'playwright-core';

import { describeWithChromium, type ConsoleWatcher } from '../helpers/browser';
import {
  createUser,
  eventually,
  on,
  PASSWORD,
  signIn,
  startConsole,
  stopConsole,
  watchedPage,
  type ConsoleHarness,
} from './console-support';

jest.setTimeout(90_000);

const ADMIN_NAV = ['Users', 'Organisations', 'Audit trail'];

describeWithChromium('the administration pages in Chromium', (executablePath) => {
  let harness: ConsoleHarness;
  let admin: string;
  let agent: string;
  let page: Page;
  let watcher: ConsoleWatcher;

  beforeAll(async () => {
    harness = await startConsole(executablePath);
    admin = (await createUser(harness, 'admin', 'console.admin')).username;
    agent = (await createUser(harness, 'agent', 'console.agent')).username;
  }, 180_000);
  afterAll(() => stopConsole(harness));

  beforeEach(async () => {
    ({ page, watcher } = await watchedPage(harness));
  });
  afterEach(async () => {
    await page.close();
    const unexpected = watcher.unexpected([401]);
    if (unexpected.length > 0) throw new Error(`Console errors:\n${unexpected.join('\n')}`);
  });

  const navNames = async () =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();

  it('should let an admin add an organisation, invite a reporter into it, and audit both', async () => {
    await signIn(page, harness.testApp.baseUrl, admin);
    expect(await navNames()).toEqual(expect.arrayContaining(ADMIN_NAV));
    await on(page).link('Organisations').click();
    await on(page).heading('Organisations').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Acme Browser Co');
    await page.getByLabel('Tier', { exact: true }).selectOption('enterprise');
    await on(page).button('Add organisation').click();
    await page.getByLabel('Tier of Acme Browser Co').waitFor();

    await on(page).link('Users').click();
    await on(page).heading('Users').waitFor();
    await page.getByLabel('Username').fill('invited.rep');
    await page.getByLabel('Role', { exact: true }).selectOption('reporter');
    await page
      .getByLabel('Organisation', { exact: true })
      .selectOption({ label: 'Acme Browser Co' });
    await on(page).button('Invite').click();
    const link = await page.getByLabel('Setup link').inputValue();
    expect(link).toMatch(/\/setup#token=[A-Za-z0-9_-]{43}$/);
    await page.getByLabel('Organisation of invited.rep').waitFor();
    expect(await page.getByLabel('Organisation of invited.rep').inputValue()).not.toBe('');

    await on(page).link('Audit trail').click();
    await on(page).heading('Audit trail').waitFor();
    await page.getByText(/Chain intact: \d+ entries/).waitFor();
    const actions = await page
      .getByRole('table', { name: 'Audit trail' })
      .getByRole('rowheader')
      .allTextContents();
    expect(actions.slice(0, 2)).toEqual(['user.created', 'organization.created']);
    expect(await page.content()).not.toContain(link.split('#token=')[1]);

    // The invited reporter sets a password through the link and never sees an admin page.
    await on(page).button('Sign out').click();
    await on(page).heading('Sign in').waitFor();
    await page.goto(link);
    await on(page).heading('Set your password').waitFor();
    await page.getByLabel('New password').fill(PASSWORD);
    await on(page).button('Set password and sign in').click();
    await on(page).heading('Queue').waitFor();
    const reporterNav = await navNames();
    for (const name of ADMIN_NAV) expect(reporterNav).not.toContain(name);
    await page.goto(`${harness.testApp.baseUrl}/admin/users`);
    await on(page).button('Sign out').waitFor();
    expect(await on(page).heading('Users').count()).toBe(0);
  });

  it('should hide the admin pages from agents', async () => {
    await signIn(page, harness.testApp.baseUrl, agent);
    const nav = await navNames();
    for (const name of ADMIN_NAV) expect(nav).not.toContain(name);
    await page.goto(`${harness.testApp.baseUrl}/admin/audit`);
    await on(page).button('Sign out').waitFor();
    expect(await on(page).heading('Audit trail').count()).toBe(0);
  });

  it('should disable and enable an account from the Users page', async () => {
    await signIn(page, harness.testApp.baseUrl, admin);
    await page.goto(`${harness.testApp.baseUrl}/admin/users`);
    await on(page).button(`Disable ${agent}`).click();
    await on(page).button(`Enable ${agent}`).waitFor();
    const login = await harness.http.post('/auth/login', { username: agent, password: PASSWORD });
    expect(login.status).toBe(401);
    await on(page).button(`Enable ${agent}`).click();
    await on(page).button(`Disable ${agent}`).waitFor();
    await eventually(async () => {
      const again = await harness.http.post('/auth/login', { username: agent, password: PASSWORD });
      expect(again.status).toBe(200);
    });
  });
});
