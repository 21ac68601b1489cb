import type { Page } from 'playwright-core';

import { describeWithChromium, type ConsoleWatcher } from '../helpers/browser';
import {
  createTicket,
  createUser,
  on,
  signIn,
  startConsole,
  stopConsole,
  watchedPage,
  type ConsoleHarness,
} from './console-support';

jest.setTimeout(90_000);

describeWithChromium('the policy page in Chromium', (executablePath) => {
  let harness: ConsoleHarness;
  let admin: string;
  let agent: string;
  let page: Page;
  let watcher: ConsoleWatcher;

  beforeAll(async () => {
    harness = await startConsole(executablePath);
    admin = (await createUser(harness, 'admin', 'policy.admin')).username;
    const agentUser = await createUser(harness, 'agent', 'policy.agent');
    agent = agentUser.username;
    await createTicket(harness, agentUser.token, {
      issue_type: 'major',
      customer_type: 'paid',
      impact: 20,
      title: 'Export is slow',
    });
    await createTicket(harness, agentUser.token, {
      issue_type: 'critical',
      customer_type: 'enterprise',
      impact: 20,
      title: 'Checkout is down',
    });
  }, 180_000);
  afterAll(() => stopConsole(harness));

  beforeEach(async () => {
    ({ page, watcher } = await watchedPage(harness));
  });
  afterEach(async () => {
    await page.close();
    const unexpected = watcher.unexpected([400, 401]);
    if (unexpected.length > 0) throw new Error(`Console errors:\n${unexpected.join('\n')}`);
  });

  const navNames = async () =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();

  it('should let an admin edit a weight, preview it, activate it with a reason and bring back the old one', async () => {
    await signIn(page, harness.testApp.baseUrl, admin);
    await on(page).link('Policy').click();
    await on(page).heading('Policy').waitFor();
    await page.getByText(/Version 1 in force/).waitFor();

    // A problem of the candidate shows under its own input.
    await page.getByLabel('Threshold P1', { exact: true }).fill('1');
    await on(page).button('Preview').click();
    await page
      .locator('#policy-weights-levels-P1-error')
      .getByText(/must be greater than levels\.P2/)
      .waitFor();
    await page.getByLabel('Threshold P1', { exact: true }).fill('11');

    await page.getByLabel('Issue type major', { exact: true }).fill('30');
    await on(page).button('Preview').click();
    const changes = page.getByRole('table', { name: 'Level changes' });
    await changes.getByRole('rowheader', { name: /→ P0/ }).waitFor();
    const movers = page.getByRole('table', { name: 'Top movers' });
    expect(await movers.getByRole('rowheader').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Export is slow')]),
    );

    await on(page).button('Activate').click();
    await page.getByLabel('Reason (10–500 characters)').fill('short');
    await on(page).button('Confirm activation').click();
    await page
      .locator('#policy-reason-error')
      .getByText('reason must be 10 to 500 characters long')
      .waitFor();
    await page.getByLabel('Reason (10–500 characters)').fill('Major tickets must reach P0.');
    await on(page).button('Confirm activation').click();
    await page.getByText(/Version 2 in force: Major tickets must reach P0\./).waitFor();
    expect(await page.getByLabel('Issue type major', { exact: true }).inputValue()).toBe('30');

    const versions = page.getByRole('table', { name: 'Policy versions' });
    expect(await versions.getByRole('rowheader').allTextContents()).toEqual(['v2', 'v1']);
    await page
      .getByRole('list', { name: 'Changes of version 1' })
      .getByText('weights.issueType.major')
      .waitFor();
    await on(page).button('Bring back version 1').click();
    await page.getByLabel('Reason (10–500 characters)').fill('Back to the shipped weights.');
    await on(page).button('Confirm bringing back version 1').click();
    await page.getByText(/Version 3 in force: Back to the shipped weights\./).waitFor();
    expect(await page.getByLabel('Issue type major', { exact: true }).inputValue()).toBe('3');
  });

  it('should hide the policy page from agents', async () => {
    await signIn(page, harness.testApp.baseUrl, agent);
    expect(await navNames()).not.toContain('Policy');
    await page.goto(`${harness.testApp.baseUrl}/admin/policy`);
    await on(page).button('Sign out').waitFor();
    expect(await on(page).heading('Policy').count()).toBe(0);
  });
});
