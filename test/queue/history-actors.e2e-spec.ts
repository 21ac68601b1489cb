import { databaseKinds } from '../helpers/databases';
import { startQueueApp, type QueueApp } from './queue-app';

const TICKET = { issue_type: 'major', impact: 20, customer_type: 'paid', title: 'Export fails' };

describe.each(databaseKinds())("who a ticket's history names, per role (%s)", (database) => {
  let q: QueueApp;
  let id: number;

  beforeAll(async () => {
    q = await startQueueApp(database);
    id = (await q.http.post('/tickets', TICKET, { token: q.tokens.reporter })).body.id;
    for (const [status, token] of [
      ['in_progress', q.tokens.agent],
      ['resolved', q.tokens.admin],
    ]) {
      const moved = await q.http.request('PATCH', `/tickets/${id}`, { status }, { token });
      if (moved.status !== 200) throw new Error(`move to ${status}: ${moved.text}`);
    }
  }, 30_000);
  afterAll(() => q.testApp.close());

  const history = (token: string) => q.http.get(`/tickets/${id}/events`, { token });
  const actorsOf = (events: Array<{ actor: string; actor_id: number | null }>) =>
    events.map(({ actor, actor_id }) => ({ actor, named: actor_id !== null }));

  it('should show the reporter their own name and only the role of staff', async () => {
    const result = await history(q.tokens.reporter);
    expect(result.status).toBe(200);
    expect(actorsOf(result.body)).toEqual([
      { actor: 'queue.reporter', named: true },
      { actor: 'Support agent', named: false },
      { actor: 'Admin', named: false },
    ]);
    expect(result.text).not.toMatch(/queue\.agent|queue\.admin/);
  });

  it.each(['agent', 'admin'] as const)('should show the %s every name', async (role) => {
    const result = await history(q.tokens[role]);
    expect(result.status).toBe(200);
    // Starting an unassigned ticket assigns it to the agent: an internal `assigned` entry too.
    expect(actorsOf(result.body)).toEqual([
      { actor: 'queue.reporter', named: true },
      { actor: 'queue.agent', named: true },
      { actor: 'queue.agent', named: true },
      { actor: 'queue.admin', named: true },
    ]);
  });
});
