import { IssueTypeModelService } from '../../apps/api/src/learning/issue-type-model.service';
import { syntheticCorpus } from '../../libs/learning/src/testing/synthetic';
import { describeWithChromium } from '../helpers/browser';
import { createTicket, eventually, signIn, uniqueName } from './console-support';
import { MINUTE_MS, P1, queueWorkSuite } from './queue-work-support';

// SLA in the console (issue #11) and the issue-type suggestion (#14): countdown badges, the At
// risk and Breached filters and the SLA sort as the controlled clock crosses a warning and a
// breach, pending pausing the resolution clock, the suggestion taken or ignored.
jest.setTimeout(90_000);

describeWithChromium('SLA and suggestions in the console', (executablePath) => {
  const w = queueWorkSuite(executablePath);

  it('should count down the SLA badges and filter at risk and breached as the clock moves', async () => {
    const t0 = Date.now();
    const title = uniqueName('Clocked ');
    w.harness.testApp.setNow(new Date(t0));
    await createTicket(w.harness, w.reporter.token, { ...P1, title });
    await signIn(w.page, w.base(), w.agent.username);
    await w.page.getByLabel('Search', { exact: true }).fill(title);
    await w.page.getByLabel('Search', { exact: true }).press('Enter');
    const row = w.ui().table().getByRole('row').filter({ hasText: title });
    await row.getByText('First response due in 1 h').waitFor();
    await row.getByText('Resolution due in 8 h').waitFor();

    w.harness.testApp.setNow(new Date(t0 + 50 * MINUTE_MS));
    await w.ui().button('Refresh').click();
    await row.getByText('First response at risk: due in 10 min').waitFor();
    await w.page.getByLabel('SLA', { exact: true }).selectOption('at_risk');
    await eventually(async () =>
      expect(new URL(w.page.url()).searchParams.get('sla')).toBe('at_risk'),
    );
    await row.waitFor();
    await w.page.getByLabel('SLA', { exact: true }).selectOption('breached');
    await w.text('No tickets match these filters.').waitFor();

    w.harness.testApp.setNow(new Date(t0 + 61 * MINUTE_MS));
    await w.ui().button('Refresh').click();
    await row.getByText('First response breached 1 min ago').waitFor();
    expect(await row.locator('.sla-breached').count()).toBe(1);
    await w.page.getByLabel('SLA', { exact: true }).selectOption('breached');
    await row.waitFor();
    await w.page.getByLabel('Sort', { exact: true }).selectOption('sla_due');
    await eventually(async () =>
      expect(new URL(w.page.url()).searchParams.get('sort')).toBe('sla_due'),
    );
    await row.waitFor();
    await w.page.getByLabel('SLA', { exact: true }).selectOption('at_risk');
    await w.text('No tickets match these filters.').waitFor();
  });

  it('should pause the resolution clock while pending and run it again on resume', async () => {
    const t0 = Date.now();
    w.harness.testApp.setNow(new Date(t0));
    const ticket = await createTicket(w.harness, w.reporter.token, { ...P1, title: 'Waiting' });
    await signIn(w.page, w.base(), w.agent.username);
    await w.openTicket(ticket.id, w.agent);
    const sla = w.page.getByRole('region', { name: 'Service level' });
    await sla.getByText('Resolution due in 8 h').waitFor();
    await w.ui().button('Wait on customer').click();
    await w.text(`Ticket ${ticket.id} is now pending (waiting on the customer).`).waitFor();
    await sla.getByText('Resolution paused (8 h left)').waitFor();

    w.harness.testApp.setNow(new Date(t0 + 120 * MINUTE_MS));
    await w.openTicket(ticket.id, w.agent);
    await sla.getByText('Resolution paused (8 h left)').waitFor();
    await sla.getByText('First response breached 1 h ago').waitFor();
    await sla.getByText(/the resolution clock is paused/).waitFor();
    await w.ui().button('Resume work').click();
    await w.text(`Ticket ${ticket.id} is now in progress.`).waitFor();
    await sla.getByText('Resolution due in 8 h').waitFor();
    const after = await w.harness.http.get(`/tickets/${ticket.id}`, { token: w.agent.token });
    expect(after.body.sla).toMatchObject({ paused: false, resolution: { remaining_minutes: 480 } });
  });

  it('should offer the suggested issue type while typing, to take or to ignore', async () => {
    const corpus = syntheticCorpus(250, 7);
    const imported = await w.harness.http.post(
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
      { token: w.admin.token },
    );
    expect(imported.status).toBe(201);
    expect(await w.harness.testApp.app.get(IssueTypeModelService).trainIfDue()).toBe(1);

    await signIn(w.page, w.base(), w.reporter.username);
    await w.ui().link('New ticket').click();
    await w.ui().heading('New ticket').waitFor();
    expect(await w.page.getByLabel('Issue type').inputValue()).toBe('major');
    await w.page
      .getByLabel('Description')
      .fill('The dashboard outage makes the invoice page crash');
    await w.text(/^Suggested: critical, \d+ %/).waitFor();
    await w.ui().button('Use critical').click();
    expect(await w.page.getByLabel('Issue type').inputValue()).toBe('critical');
    await w.text('Issue type set to critical.').waitFor();

    // Ignored: the reporter's choice stands.
    await w.page.getByLabel('Description').fill('A typo and a cosmetic tooltip wording issue');
    await w.text(/^Suggested: minor, \d+ %/).waitFor();
    await w.page.getByLabel('Affected users').fill('3');
    await w.ui().button('Create ticket').click();
    await w.ui().heading('Ticket created').waitFor();
    const why = w.page.getByRole('table', { name: 'Why this priority' });
    expect(await why.getByRole('row').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Issue type\s*critical\s*\d+$/)]),
    );
  });
});
