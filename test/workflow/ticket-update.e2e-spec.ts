import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { HOUR, startWorkflowApp, userWithRole, type WorkflowApp } from './workflow-app';

const T0 = new Date('2026-08-03T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINOR = { issue_type: 'minor', impact: 5, customer_type: 'free' }; // 3, P3
const REASON = 'Their launch is blocked today';

type User = { id: number; token: string };

describe.each(databaseKinds())('PATCH /tickets/:id on %s', (database) => {
  let w: WorkflowApp;
  let agent: User, other: User, admin: User, reporter: User, disabled: User;
  let id: number;

  beforeAll(async () => {
    w = await startWorkflowApp(database);
    agent = await userWithRole(w, 'upd.agent', 'agent');
    other = await userWithRole(w, 'upd.other', 'agent');
    admin = await userWithRole(w, 'upd.admin', 'admin');
    reporter = await userWithRole(w, 'upd.reporter', 'reporter');
    disabled = await userWithRole(w, 'upd.gone', 'agent');
    await w.testApp.dataSource.query('UPDATE users SET disabled = 1 WHERE id = ?', [disabled.id]);
  }, 60_000);
  afterAll(() => w.testApp.close());
  beforeEach(async () => {
    w.testApp.setNow(T0);
    id = (await w.http.post('/tickets', MINOR, { token: reporter.token })).body.id;
  });

  const patch = (body: object, token = agent.token, ticketId = id) =>
    w.http.request('PATCH', `/tickets/${ticketId}`, body, { token });
  const get = (token = agent.token) => w.http.get(`/tickets/${id}`, { token });
  const events = async (token = agent.token) =>
    (await w.http.get(`/tickets/${id}/events`, { token })).body as {
      type: string;
      actor: string;
      data: Record<string, unknown>;
    }[];

  it('should assign an open ticket without starting it, and name the assignee', async () => {
    const result = await patch({ assignee_id: other.id });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      status: 'open',
      assignee_id: other.id,
      assignee: { id: other.id, username: 'upd.other' },
      assigned_at: T0.toISOString(),
    });
    expect((await events()).at(-1)).toMatchObject({
      type: 'assigned',
      actor: 'upd.agent',
      data: { from: null, to: other.id },
    });
    const agents = (await w.http.get('/agents', { token: agent.token })).body;
    expect(agents.find((a: { id: number }) => a.id === other.id)).toMatchObject({
      open_assigned: expect.any(Number),
      last_assigned_at: T0.toISOString(),
    });
  });

  it.each([
    ['a reporter', () => reporter.id],
    ['a disabled agent', () => disabled.id],
    ['an unknown id', () => 999_999],
  ])('should refuse to assign %s with a 400 naming assignee_id', async (_label, target) => {
    const result = await patch({ assignee_id: target() });
    expectProblem(result, 400);
    expect(result.body.errors[0].field).toBe('assignee_id');
    expect((await get()).body.assignee_id).toBeNull();
  });

  it('should release a wrongly claimed ticket back to open by unassigning it', async () => {
    await patch({ status: 'in_progress' }, other.token);
    expect((await get()).body).toMatchObject({ status: 'in_progress', assignee_id: other.id });
    const released = await patch({ assignee_id: null }, other.token);
    expect(released.body).toMatchObject({ status: 'open', assignee_id: null, assignee: null });
    expect((await events()).slice(-2).map((e) => [e.type, e.data])).toEqual([
      ['status_changed', { from: 'in_progress', to: 'open' }],
      ['assigned', { from: other.id, to: null }],
    ]);
    expectProblem(await patch({ status: 'open' }), 409);
  });

  it('should keep the assignee when resolving and closing', async () => {
    await patch({ status: 'in_progress', assignee_id: other.id });
    await patch({ status: 'resolved' });
    const closed = await patch({ status: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed', assignee_id: other.id });
  });

  it('should re-triage: re-score at once and record the changes', async () => {
    w.testApp.setNow(at(5 * HOUR));
    const result = await patch({ issue_type: 'critical', customer_type: 'enterprise', impact: 5 });
    expect(result.body).toMatchObject({
      issue_type: 'critical',
      customer_type: 'enterprise',
      priority_score: 12, // 5 + 5 + 1 + 1 (4–24 h)
      priority_level: 'P1',
      computed_level: 'P1',
    });
    expect(result.body.breakdown.map((f: { points: number }) => f.points)).toEqual([5, 5, 1, 1]);
    expect((await events()).at(-1)).toMatchObject({
      type: 'retriaged',
      data: {
        changes: { issue_type: ['minor', 'critical'], customer_type: ['free', 'enterprise'] },
        score_from: 3,
        score_to: 12,
        level_from: 'P3',
        level_to: 'P1',
      },
    });
    const queue = (await w.http.get('/tickets?limit=1', { token: agent.token })).body.tickets;
    expect(queue[0].id).toBe(id);
  });

  it('should refuse reporters, bad fields and an empty body', async () => {
    expectProblem(await patch({ impact: 500 }, reporter.token), 403);
    expectProblem(await patch({}), 400);
    expectProblem(await patch({ impact: 0 }), 400);
    expectProblem(await patch({ assignee_id: 'me' }), 400);
    expectProblem(await patch({ priority_override: { level: 'P0', reason: 'short' } }), 400);
    expectProblem(await patch({ priority_override: { level: 'P5', reason: REASON } }), 400);
    expectProblem(await patch({ status: 'in_progress' }, agent.token, 999_999), 404);
    expect((await get()).body).toMatchObject({ impact: 5, priority_override: null });
  });

  it('should pin a level with a reason, hide the reason from the reporter, and clear it', async () => {
    const pinned = await patch({ priority_override: { level: 'P0', reason: REASON } }, admin.token);
    expect(pinned.body).toMatchObject({
      priority_level: 'P0',
      computed_level: 'P3',
      priority_score: 3,
      priority_override: {
        level: 'P0',
        reason: REASON,
        by: { id: admin.id, username: 'upd.admin' },
        at: T0.toISOString(),
      },
    });
    const own = (await get(reporter.token)).body;
    expect(own.priority_override).toEqual({
      level: 'P0',
      reason: null,
      by: null,
      at: T0.toISOString(),
    });
    expect(JSON.stringify(await events(reporter.token))).not.toContain(REASON);
    const cleared = await patch({ priority_override: null });
    expect(cleared.body).toMatchObject({ priority_level: 'P3', priority_override: null });
    expect((await events()).slice(-2).map((e) => [e.type, e.data])).toEqual([
      ['priority_overridden', { from: 'P3', to: 'P0', reason: REASON }],
      ['override_cleared', { level: 'P3' }],
    ]);
    expect((await events(reporter.token)).map((e) => e.type)).toEqual(['created']);
  });

  it('should apply several fields together in one change', async () => {
    const result = await patch({
      status: 'in_progress',
      assignee_id: other.id,
      priority_override: { level: 'P1', reason: REASON },
    });
    expect(result.body).toMatchObject({
      status: 'in_progress',
      assignee_id: other.id,
      priority_level: 'P1',
    });
    expect((await events()).map((e) => e.type)).toEqual([
      'created',
      'status_changed',
      'assigned',
      'priority_overridden',
    ]);
  });
});
