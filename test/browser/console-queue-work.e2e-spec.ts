import type { Page } from 'playwright-core';

import { IssueTypeModelService } from '../../apps/api/src/learning/issue-type-model.service';
import { syntheticCorpus } from '../../libs/learning/src/testing/synthetic';
import { ConsoleWatcher, describeWithChromium } from '../helpers/browser';
import {
  createTicket,
  createUser,
  eventually,
  NO_SESSION_STATUSES,
  on,
  signedInAfterLoad,
  signIn,
  startConsole,
  stopConsole,
  uniqueName,
  watchedPage,
  type ConsoleHarness,
} from './console-support';

// Working the queue in the console (issues #10, #11, #14): claim next, My tickets, assignment,
// comments and internal notes, overrides, re-triage, availability, SLA badges and filters on the
// controlled clock, pending, and the issue-type suggestion. One app and browser for the file.
jest.setTimeout(90_000);
const MINUTE_MS = 60_000;
// critical + enterprise + 150 users: P1 (24x7 calendar, 60 / 480 minutes).
const P1 = { issue_type: 'critical', impact: 150, customer_type: 'enterprise' };

interface User {
  username: string;
  token: string;
  id: number;
}

describeWithChromium('working the queue in the console', (executablePath) => {
  let harness: ConsoleHarness;
  let page: Page;
  let watcher: ConsoleWatcher;
  let expectedStatuses: number[];
  let reporter: User;
  let agent: User;
  let admin: User;

  async function user(role: 'reporter' | 'agent' | 'admin'): Promise<User> {
    const created = await createUser(harness, role);
    const me = await harness.http.get('/auth/me', { token: created.token });
    return { ...created, id: me.body.id as number };
  }

  beforeAll(async () => {
    harness = await startConsole(executablePath, {
      env: { AGING_INTERVAL_MS: '0', LEARNING_INTERVAL_MS: '0' },
    });
    reporter = await user('reporter');
    agent = await user('agent');
    admin = await user('admin');
  }, 180_000);

  afterAll(() => stopConsole(harness));

  beforeEach(async () => {
    expectedStatuses = [];
    ({ page, watcher } = await watchedPage(harness));
  });

  afterEach(async () => {
    harness.testApp.setNow(undefined);
    await page.close();
    const unexpected = watcher.unexpected(expectedStatuses);
    if (unexpected.length > 0) throw new Error(`Console errors:\n${unexpected.join('\n')}`);
  });

  const base = () => harness.testApp.baseUrl;
  const ui = () => on(page);
  const text = (value: string | RegExp) => page.getByText(value).first();

  /** Opens a ticket by its address, signing in again if the reload lost the session. */
  async function openTicket(id: number, who: User) {
    expectedStatuses.push(...NO_SESSION_STATUSES);
    await page.goto(`${base()}/tickets/${id}`);
    await signedInAfterLoad(page, who.username);
    await ui()
      .heading(new RegExp(`^Ticket #${id}`))
      .waitFor();
  }

  async function switchUser(who: User) {
    await ui().button('Sign out').click();
    await ui().heading('Sign in').waitFor();
    await signIn(page, base(), who.username);
  }

  it('should say when the queue is empty, then claim the top ticket, open it, and release it', async () => {
    // Everything open and unassigned is taken first, through the API.
    for (let claimed = 200; claimed === 200;) {
      claimed = (await harness.http.post('/tickets/claim', {}, { token: admin.token })).status;
    }
    await signIn(page, base(), agent.username);
    await ui().button('Claim next').click();
    await text('The queue is empty: no open, unassigned ticket to claim.').waitFor();

    await createTicket(harness, reporter.token, { title: 'Low one', issue_type: 'minor' });
    const top = await createTicket(harness, reporter.token, { ...P1, title: 'Top one' });
    await ui().button('Claim next').click();
    await ui().heading(`Ticket #${top.id}: Top one`).waitFor();
    await text(`You claimed ticket ${top.id}; it is now in progress.`).waitFor();
    const assignment = page.getByRole('region', { name: 'Assignment' });
    await assignment.getByText('Assigned to you').waitFor();

    await ui().link('My tickets').click();
    await ui().heading('My tickets').waitFor();
    const row = ui().table().getByRole('row').filter({ hasText: 'Top one' });
    await row.waitFor();
    expect(await row.textContent()).toContain('in progress');
    await row.getByRole('link', { name: 'Top one' }).click();
    await ui().heading(`Ticket #${top.id}: Top one`).waitFor();
    await ui().button('Release').click();
    await text(`Ticket ${top.id} is unassigned and back to open.`).waitFor();
    const after = await harness.http.get(`/tickets/${top.id}`, { token: agent.token });
    expect(after.body).toMatchObject({ status: 'open', assignee_id: null });
  });

  it('should assign with the picker and unassign (an admin)', async () => {
    const ticket = await createTicket(harness, reporter.token, { title: 'To assign' });
    await signIn(page, base(), admin.username);
    await openTicket(ticket.id, admin);
    await page.getByLabel('Assignee', { exact: true }).selectOption(String(agent.id));
    await ui().button('Assign').click();
    await text(`Ticket ${ticket.id} is assigned to ${agent.username}.`).waitFor();
    await page.getByText(`Assigned to ${agent.username}`).first().waitFor();
    await ui().button('Unassign').click();
    await text(`Ticket ${ticket.id} is unassigned.`).waitFor();
    await ui().button('Assign to me').click();
    await text(`Ticket ${ticket.id} is assigned to you.`).waitFor();
    const after = await harness.http.get(`/tickets/${ticket.id}`, { token: admin.token });
    expect(after.body).toMatchObject({ status: 'open', assignee_id: admin.id });
  });

  it('should keep internal notes from the reporter, who sees replies, no toggle, and answers', async () => {
    const ticket = await createTicket(harness, reporter.token, { ...P1, title: 'Talk' });
    await signIn(page, base(), agent.username);
    await openTicket(ticket.id, agent);
    const conversation = page.getByRole('region', { name: 'Conversation' });
    await conversation.getByText('No replies yet.').waitFor();
    await page.getByLabel('Message').fill('We are looking into it.');
    await ui().button('Send reply').click();
    await conversation.getByText('Reply sent.').waitFor();
    await page.getByLabel('Internal note', { exact: true }).check();
    await page.getByLabel('Message').fill('Probably the payment gateway again.');
    await ui().button('Add internal note').click();
    await conversation.getByText('Internal note added.').waitFor();
    const note = page.getByRole('article', { name: `Internal note by ${agent.username}` });
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^Internal note/);
    expect(await page.getByRole('article').count()).toBe(2);
    // The first public reply answers the first-response target.
    await text('First response met').waitFor();

    await switchUser(reporter);
    await openTicket(ticket.id, reporter);
    await conversation.getByText('We are looking into it.').waitFor();
    expect(await page.getByRole('article').count()).toBe(1);
    expect(await page.getByText('Probably the payment gateway').count()).toBe(0);
    expect(await page.getByText('Internal note').count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Assignment' }).count()).toBe(0);
    expect(await ui().button('Override priority').count()).toBe(0);
    await page.getByLabel('Message').fill('Thanks, it happens on every order.');
    await ui().button('Send reply').click();
    await conversation.getByText('Reply sent.').waitFor();
    await eventually(async () => expect(await page.getByRole('article').count()).toBe(2));
  });

  it('should override the priority only with a reason, hide the reason from the reporter, and clear it', async () => {
    const title = uniqueName('Pinned ');
    const ticket = await createTicket(harness, reporter.token, { title });
    const computed = ticket.priority_level;
    await signIn(page, base(), agent.username);
    await openTicket(ticket.id, agent);
    const opener = ui().button('Override priority');
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Override priority' });
    await dialog.waitFor();
    await dialog.getByLabel('Level').selectOption('P0');
    await dialog.getByLabel('Reason').fill('too short');
    await dialog.getByRole('button', { name: 'Set override' }).click();
    await dialog.getByText('Give a reason of 10 to 500 characters.').waitFor();
    expect(await dialog.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Reason').fill('The customer loses orders every minute.');
    await dialog.getByRole('button', { name: 'Set override' }).click();
    await text(`Ticket ${ticket.id} is pinned at P0.`).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Change override',
      ),
    );
    await page.getByLabel('Reason for the override').waitFor();
    await text('Priority set to P0: The customer loses orders every minute.').waitFor();

    await switchUser(reporter);
    await openTicket(ticket.id, reporter);
    await text('pinned by support').waitFor();
    expect(await page.getByText('loses orders').count()).toBe(0);

    await switchUser(agent);
    await openTicket(ticket.id, agent);
    await ui().button('Clear override').click();
    await text(
      `Override cleared: ticket ${ticket.id} is at its computed level, ${computed}.`,
    ).waitFor();
    await ui().button('Override priority').waitFor();
  });

  it('should re-triage and show the re-score at once', async () => {
    const ticket = await createTicket(harness, reporter.token, {
      title: 'Misfiled',
      issue_type: 'minor',
      customer_type: 'free',
      impact: 1,
    });
    await signIn(page, base(), agent.username);
    await openTicket(ticket.id, agent);
    await ui().button('Re-score').click();
    await text('Nothing to correct: change a field first.').waitFor();
    await page.getByLabel('Corrected issue type').selectOption('critical');
    await page.getByLabel('Corrected customer type').selectOption('enterprise');
    await page.getByLabel('Corrected affected users').fill('5000');
    await ui().button('Re-score').click();
    await text(
      new RegExp(
        `^Re-scored: score \\d+ → \\d+, level ${ticket.priority_level} → P\\d.*minor → critical`,
      ),
    ).waitFor();
    const after = await harness.http.get(`/tickets/${ticket.id}`, { token: agent.token });
    expect(after.body).toMatchObject({ issue_type: 'critical', customer_type: 'enterprise' });
    await text(new RegExp(`^Re-triaged: ${ticket.priority_level} → P\\d`)).waitFor();
  });

  it('should switch availability on My tickets and list agents with their load', async () => {
    await signIn(page, base(), agent.username);
    await ui().link('My tickets').click();
    await ui().heading('My tickets').waitFor();
    const available = page.getByRole('switch', { name: 'Available for new work' });
    expect(await available.isChecked()).toBe(true);
    await available.click();
    await text('Off: no tickets are auto-assigned.').waitFor();
    const agents = await harness.http.get('/agents', { token: agent.token });
    expect(agents.body.find((a: { id: number }) => a.id === agent.id).available).toBe(false);
    await available.click();
    await text('On: auto-assignment may hand out tickets.').waitFor();
    await ui().link('Agents').click();
    await ui().heading('Agents').waitFor();
    const row = page.getByRole('row').filter({ hasText: agent.username });
    expect(await row.getByRole('switch').isChecked()).toBe(true);
    // Agents switch only their own availability.
    const other = page.getByRole('row').filter({ hasText: admin.username });
    expect(await other.getByRole('switch').count()).toBe(0);
    expect(await row.getByRole('spinbutton').count()).toBe(0);

    // Admins switch anyone and set capacities.
    await switchUser(admin);
    await ui().link('Agents').click();
    await ui().heading('Agents').waitFor();
    await row.getByLabel(`Capacity of ${agent.username}`).fill('3');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByRole('switch', { name: `${agent.username} available for new work` }).click();
    await eventually(async () => {
      const now = await harness.http.get('/agents', { token: admin.token });
      const me = now.body.find((a: { id: number }) => a.id === agent.id);
      expect(me).toMatchObject({ capacity: 3, available: false });
    });
  });

  it('should count down the SLA badges and filter at risk and breached as the clock moves', async () => {
    const t0 = Date.now();
    const title = uniqueName('Clocked ');
    harness.testApp.setNow(new Date(t0));
    await createTicket(harness, reporter.token, { ...P1, title });
    await signIn(page, base(), agent.username);
    await page.getByLabel('Search', { exact: true }).fill(title);
    await page.getByLabel('Search', { exact: true }).press('Enter');
    const row = ui().table().getByRole('row').filter({ hasText: title });
    await row.getByText('First response due in 1 h').waitFor();
    await row.getByText('Resolution due in 8 h').waitFor();

    harness.testApp.setNow(new Date(t0 + 50 * MINUTE_MS));
    await ui().button('Refresh').click();
    await row.getByText('First response at risk: due in 10 min').waitFor();
    await page.getByLabel('SLA', { exact: true }).selectOption('at_risk');
    await eventually(async () =>
      expect(new URL(page.url()).searchParams.get('sla')).toBe('at_risk'),
    );
    await row.waitFor();
    await page.getByLabel('SLA', { exact: true }).selectOption('breached');
    await text('No tickets match these filters.').waitFor();

    harness.testApp.setNow(new Date(t0 + 61 * MINUTE_MS));
    await ui().button('Refresh').click();
    await row.getByText('First response breached 1 min ago').waitFor();
    expect(await row.locator('.sla-breached').count()).toBe(1);
    await page.getByLabel('SLA', { exact: true }).selectOption('breached');
    await row.waitFor();
    await page.getByLabel('Sort', { exact: true }).selectOption('sla_due');
    await eventually(async () =>
      expect(new URL(page.url()).searchParams.get('sort')).toBe('sla_due'),
    );
    await row.waitFor();
    await page.getByLabel('SLA', { exact: true }).selectOption('at_risk');
    await text('No tickets match these filters.').waitFor();
  });

  it('should pause the resolution clock while pending and run it again on resume', async () => {
    const t0 = Date.now();
    harness.testApp.setNow(new Date(t0));
    const ticket = await createTicket(harness, reporter.token, { ...P1, title: 'Waiting' });
    await signIn(page, base(), agent.username);
    await openTicket(ticket.id, agent);
    const sla = page.getByRole('region', { name: 'Service level' });
    await sla.getByText('Resolution due in 8 h').waitFor();
    await ui().button('Wait on customer').click();
    await text(`Ticket ${ticket.id} is now pending (waiting on the customer).`).waitFor();
    await sla.getByText('Resolution paused (8 h left)').waitFor();

    harness.testApp.setNow(new Date(t0 + 120 * MINUTE_MS));
    await openTicket(ticket.id, agent);
    await sla.getByText('Resolution paused (8 h left)').waitFor();
    await sla.getByText('First response breached 1 h ago').waitFor();
    await sla.getByText(/the resolution clock is paused/).waitFor();
    await ui().button('Resume work').click();
    await text(`Ticket ${ticket.id} is now in progress.`).waitFor();
    await sla.getByText('Resolution due in 8 h').waitFor();
    const after = await harness.http.get(`/tickets/${ticket.id}`, { token: agent.token });
    expect(after.body.sla).toMatchObject({ paused: false, resolution: { remaining_minutes: 480 } });
  });

  it('should offer the suggested issue type while typing, to take or to ignore', async () => {
    const corpus = syntheticCorpus(250, 7);
    const imported = await harness.http.post(
      '/tickets/import',
      {
        tickets: corpus.map((t) => ({
          issue_type: t.label,
          impact: 5,
          customer_type: 'paid',
          title: t.title ?? undefined,
          description: t.description,
          created_at: '2026-01-01T00:00:00.000Z',
          status: 'resolved',
        })),
      },
      { token: admin.token },
    );
    expect(imported.status).toBe(201);
    expect(await harness.testApp.app.get(IssueTypeModelService).trainIfDue()).toBe(1);

    await signIn(page, base(), reporter.username);
    await ui().link('New ticket').click();
    await ui().heading('New ticket').waitFor();
    expect(await page.getByLabel('Issue type').inputValue()).toBe('major');
    await page.getByLabel('Description').fill('The dashboard outage makes the invoice page crash');
    await text(/^Suggested: critical, \d+ %/).waitFor();
    await ui().button('Use critical').click();
    expect(await page.getByLabel('Issue type').inputValue()).toBe('critical');
    await text('Issue type set to critical.').waitFor();

    // Ignored: the reporter's choice stands.
    await page.getByLabel('Description').fill('A typo and a cosmetic tooltip wording issue');
    await text(/^Suggested: minor, \d+ %/).waitFor();
    await page.getByLabel('Affected users').fill('3');
    await ui().button('Create ticket').click();
    await ui().heading('Ticket created').waitFor();
    const why = page.getByRole('table', { name: 'Why this priority' });
    expect(await why.getByRole('row').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Issue type\s*critical\s*\d+$/)]),
    );
  });
});
