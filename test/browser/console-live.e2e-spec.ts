import { describeWithChromium } from '../helpers/browser';
import { createTicket, signIn, uniqueName } from './console-support';
import { queueWorkSuite } from './queue-work-support';

// The live stream in the console (issue #15): what another user does shows up without a reload,
// well before the next poll (60 s while live), and polling stands in while the stream is down.
jest.setTimeout(90_000);

const LIVE_WITHIN_MS = 5_000;

describeWithChromium('live updates in the console', (executablePath) => {
  const w = queueWorkSuite(executablePath);

  it("should show another user's new ticket in the queue and a change on the open ticket at once", async () => {
    await signIn(w.page, w.base(), w.agent.username);
    await w.text('· Live updates').waitFor();
    const title = uniqueName('Live ticket ');
    const ticket = await createTicket(w.harness, w.reporter.token, { title });
    await w.ui().table().getByRole('link', { name: title }).waitFor({ timeout: LIVE_WITHIN_MS });

    await w.ui().table().getByRole('link', { name: title }).click();
    await w.ui().heading(`Ticket #${ticket.id}: ${title}`).waitFor();
    const status = w.page.locator('.detail').filter({ hasText: 'Status' });
    expect(await status.textContent()).toContain('open');
    const changed = await w.harness.http.request(
      'PATCH',
      `/tickets/${ticket.id}`,
      { status: 'in_progress' },
      { token: w.admin.token },
    );
    expect(changed.status).toBe(200);
    await status.getByText('in progress').waitFor({ timeout: LIVE_WITHIN_MS });
  });

  it('should say so and poll when the stream is refused', async () => {
    w.expectedStatuses.push(503);
    await w.page.route('**/stream', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
      }),
    );
    await signIn(w.page, w.base(), w.agent.username);
    await w.text('Refreshing every 30 s (live updates unavailable)').waitFor();
    expect(await w.page.getByText('· Live updates').count()).toBe(0);
  });
});
