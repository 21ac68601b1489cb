import { describeWithChromium } from '../helpers/browser';
import { createTicket, eventually, signIn, uniqueName } from './console-support';
import { P1, queueWorkSuite } from './queue-work-support';

// Working the queue in the console (issue #10): claim next, My tickets, assignment, comments and
// internal notes per role, overrides with a reason, re-triage, availability and the Agents page.
jest.setTimeout(90_000);

describeWithChromium('working the queue in the console', (executablePath) => {
  const w = queueWorkSuite(executablePath);

  it('should say when the queue is empty, then claim the top ticket, open it, and release it', async () => {
    // Everything open and unassigned is taken first, through the API.
    for (let claimed = 200; claimed === 200;) {
      claimed = (await w.harness.http.post('/tickets/claim', {}, { token: w.admin.token })).status;
    }
    await signIn(w.page, w.base(), w.agent.username);
    await w.ui().button('Claim next').click();
    await w.text('The queue is empty: no open, unassigned ticket to claim.').waitFor();

    await createTicket(w.harness, w.reporter.token, { title: 'Low one', issue_type: 'minor' });
    const top = await createTicket(w.harness, w.reporter.token, { ...P1, title: 'Top one' });
    await w.ui().button('Claim next').click();
    await w.ui().heading(`Ticket #${top.id}: Top one`).waitFor();
    await w.text(`You claimed ticket ${top.id}; it is now in progress.`).waitFor();
    const assignment = w.page.getByRole('region', { name: 'Assignment' });
    await assignment.getByText('Assigned to you').waitFor();

    await w.ui().link('My tickets').click();
    await w.ui().heading('My tickets').waitFor();
    const row = w.ui().table().getByRole('row').filter({ hasText: 'Top one' });
    await row.waitFor();
    expect(await row.textContent()).toContain('in progress');
    await row.getByRole('link', { name: 'Top one' }).click();
    await w.ui().heading(`Ticket #${top.id}: Top one`).waitFor();
    await w.ui().button('Release').click();
    await w.text(`Ticket ${top.id} is unassigned and back to open.`).waitFor();
    const after = await w.harness.http.get(`/tickets/${top.id}`, { token: w.agent.token });
    expect(after.body).toMatchObject({ status: 'open', assignee_id: null });
  });

  it('should assign with the picker and unassign (an admin)', async () => {
    const ticket = await createTicket(w.harness, w.reporter.token, { title: 'To assign' });
    await signIn(w.page, w.base(), w.admin.username);
    await w.openTicket(ticket.id, w.admin);
    await w.page.getByLabel('Assignee', { exact: true }).selectOption(String(w.agent.id));
    await w.ui().button('Assign').click();
    await w.text(`Ticket ${ticket.id} is assigned to ${w.agent.username}.`).waitFor();
    await w.page.getByText(`Assigned to ${w.agent.username}`).first().waitFor();
    await w.ui().button('Unassign').click();
    await w.text(`Ticket ${ticket.id} is unassigned.`).waitFor();
    await w.ui().button('Assign to me').click();
    await w.text(`Ticket ${ticket.id} is assigned to you.`).waitFor();
    const after = await w.harness.http.get(`/tickets/${ticket.id}`, { token: w.admin.token });
    expect(after.body).toMatchObject({ status: 'open', assignee_id: w.admin.id });
  });

  it('should keep internal notes from the reporter, who sees replies, no toggle, and answers', async () => {
    const ticket = await createTicket(w.harness, w.reporter.token, { ...P1, title: 'Talk' });
    await signIn(w.page, w.base(), w.agent.username);
    await w.openTicket(ticket.id, w.agent);
    const conversation = w.page.getByRole('region', { name: 'Conversation' });
    await conversation.getByText('No replies yet.').waitFor();
    await w.page.getByLabel('Message').fill('We are looking into it.');
    await w.ui().button('Send reply').click();
    await conversation.getByText('Reply sent.').waitFor();
    await w.page.getByLabel('Internal note', { exact: true }).check();
    await w.page.getByLabel('Message').fill('Probably the payment gateway again.');
    await w.ui().button('Add internal note').click();
    await conversation.getByText('Internal note added.').waitFor();
    const note = w.page.getByRole('article', { name: `Internal note by ${w.agent.username}` });
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^Internal note/);
    expect(await w.page.getByRole('article').count()).toBe(2);
    // The first public reply answers the first-response target.
    await w.text('First response met').waitFor();

    await w.switchUser(w.reporter);
    await w.openTicket(ticket.id, w.reporter);
    await conversation.getByText('We are looking into it.').waitFor();
    expect(await w.page.getByRole('article').count()).toBe(1);
    expect(await w.page.getByText('Probably the payment gateway').count()).toBe(0);
    expect(await w.page.getByText('Internal note').count()).toBe(0);
    expect(await w.page.getByRole('checkbox').count()).toBe(0);
    expect(await w.page.getByRole('heading', { name: 'Assignment' }).count()).toBe(0);
    expect(await w.ui().button('Override priority').count()).toBe(0);
    await w.page.getByLabel('Message').fill('Thanks, it happens on every order.');
    await w.ui().button('Send reply').click();
    await conversation.getByText('Reply sent.').waitFor();
    await eventually(async () => expect(await w.page.getByRole('article').count()).toBe(2));
  });

  it('should override the priority only with a reason, hide the reason from the reporter, and clear it', async () => {
    const title = uniqueName('Pinned ');
    const ticket = await createTicket(w.harness, w.reporter.token, { title });
    const computed = ticket.priority_level;
    await signIn(w.page, w.base(), w.agent.username);
    await w.openTicket(ticket.id, w.agent);
    const opener = w.ui().button('Override priority');
    await opener.click();
    const dialog = w.page.getByRole('dialog', { name: 'Override priority' });
    await dialog.waitFor();
    await dialog.getByLabel('Level').selectOption('P0');
    await dialog.getByLabel('Reason').fill('too short');
    await dialog.getByRole('button', { name: 'Set override' }).click();
    await dialog.getByText('Give a reason of 10 to 500 characters.').waitFor();
    expect(await dialog.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Reason').fill('The customer loses orders every minute.');
    await dialog.getByRole('button', { name: 'Set override' }).click();
    await w.text(`Ticket ${ticket.id} is pinned at P0.`).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await eventually(async () =>
      expect(await w.page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Change override',
      ),
    );
    await w.page.getByLabel('Reason for the override').waitFor();
    await w.text('Priority set to P0: The customer loses orders every minute.').waitFor();

    await w.switchUser(w.reporter);
    await w.openTicket(ticket.id, w.reporter);
    await w.text('pinned by support').waitFor();
    expect(await w.page.getByText('loses orders').count()).toBe(0);

    await w.switchUser(w.agent);
    await w.openTicket(ticket.id, w.agent);
    await w.ui().button('Clear override').click();
    await w
      .text(`Override cleared: ticket ${ticket.id} is at its computed level, ${computed}.`)
      .waitFor();
    await w.ui().button('Override priority').waitFor();
  });

  it('should re-triage and show the re-score at once', async () => {
    const ticket = await createTicket(w.harness, w.reporter.token, {
      title: 'Misfiled',
      issue_type: 'minor',
      customer_type: 'free',
      impact: 1,
    });
    await signIn(w.page, w.base(), w.agent.username);
    await w.openTicket(ticket.id, w.agent);
    await w.ui().button('Re-score').click();
    await w.text('Nothing to correct: change a field first.').waitFor();
    await w.page.getByLabel('Corrected issue type').selectOption('critical');
    await w.page.getByLabel('Corrected customer type').selectOption('enterprise');
    await w.page.getByLabel('Corrected affected users').fill('5000');
    await w.ui().button('Re-score').click();
    await w
      .text(
        new RegExp(
          `^Re-scored: score \\d+ → \\d+, level ${ticket.priority_level} → P\\d.*minor → critical`,
        ),
      )
      .waitFor();
    const after = await w.harness.http.get(`/tickets/${ticket.id}`, { token: w.agent.token });
    expect(after.body).toMatchObject({ issue_type: 'critical', customer_type: 'enterprise' });
    await w.text(new RegExp(`^Re-triaged: ${ticket.priority_level} → P\\d`)).waitFor();
  });

  it('should switch availability on My tickets and list agents with their load', async () => {
    await signIn(w.page, w.base(), w.agent.username);
    await w.ui().link('My tickets').click();
    await w.ui().heading('My tickets').waitFor();
    const available = w.page.getByRole('switch', { name: 'Available for new work' });
    expect(await available.isChecked()).toBe(true);
    await available.click();
    await w.text('Off: no tickets are auto-assigned.').waitFor();
    const agents = await w.harness.http.get('/agents', { token: w.agent.token });
    expect(agents.body.find((a: { id: number }) => a.id === w.agent.id).available).toBe(false);
    await available.click();
    await w.text('On: auto-assignment may hand out tickets.').waitFor();
    await w.ui().link('Agents').click();
    await w.ui().heading('Agents').waitFor();
    const row = w.page.getByRole('row').filter({ hasText: w.agent.username });
    expect(await row.getByRole('switch').isChecked()).toBe(true);
    // Agents switch only their own availability.
    const other = w.page.getByRole('row').filter({ hasText: w.admin.username });
    expect(await other.getByRole('switch').count()).toBe(0);
    expect(await row.getByRole('spinbutton').count()).toBe(0);

    // Admins switch anyone and set capacities.
    await w.switchUser(w.admin);
    await w.ui().link('Agents').click();
    await w.ui().heading('Agents').waitFor();
    await row.getByLabel(`Capacity of ${w.agent.username}`).fill('3');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByRole('switch', { name: `${w.agent.username} available for new work` }).click();
    await eventually(async () => {
      const now = await w.harness.http.get('/agents', { token: w.admin.token });
      const me = now.body.find((a: { id: number }) => a.id === w.agent.id);
      expect(me).toMatchObject({ capacity: 3, available: false });
    });
  });
});
