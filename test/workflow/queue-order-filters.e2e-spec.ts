import { AgingService } from '../../apps/api/src/aging/aging.service';
import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { HOUR, startWorkflowApp, userWithRole, type WorkflowApp } from './workflow-app';

const T0 = new Date('2026-08-10T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const REASON = 'Contract renewal depends on it';
type User = { id: number; token: string };

describe.each(databaseKinds())('queue order, overrides and filters on %s', (database) => {
  let w: WorkflowApp;
  let agent: User, other: User, reporter: User;

  beforeAll(async () => {
    w = await startWorkflowApp(database);
    agent = await userWithRole(w, 'ord.agent', 'agent');
    other = await userWithRole(w, 'ord.other', 'agent');
    reporter = await userWithRole(w, 'ord.reporter', 'reporter');
  }, 60_000);
  afterAll(() => w.testApp.close());
  beforeEach(async () => {
    w.testApp.setNow(T0);
    await w.testApp.dataSource.query('DELETE FROM tickets');
  });

  const create = async (body: object) =>
    (await w.http.post('/tickets', body, { token: reporter.token })).body.id as number;
  const patch = (id: number, body: object) =>
    w.http.request('PATCH', `/tickets/${id}`, body, { token: agent.token });
  const ids = async (query = '') =>
    (await w.http.get(`/tickets?limit=100${query}`, { token: agent.token })).body.tickets.map(
      (t: { id: number }) => t.id,
    );

  /** Every page of a query through its cursors. */
  async function walk(query: string, limit: number): Promise<number[]> {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor ? `&cursor=${cursor}` : '';
      const page = await w.http.get(`/tickets?limit=${limit}${query}${suffix}`, {
        token: agent.token,
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.tickets.map((t: { id: number }) => t.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    return seen;
  }

  it('should order by the level in force, then score, age and id; aging never moves a pin', async () => {
    const critical = await create({ issue_type: 'critical', impact: 500, customer_type: 'paid' }); // 13 P1
    const major = await create({ issue_type: 'major', impact: 50, customer_type: 'paid' }); // 9 P2
    const minor = await create({ issue_type: 'minor', impact: 1, customer_type: 'free' }); // 3 P3
    expect(await ids()).toEqual([critical, major, minor]);
    await patch(minor, { priority_override: { level: 'P0', reason: REASON } });
    await patch(critical, { priority_override: { level: 'P2', reason: REASON } });
    // The pinned minor (P0) first; within P2, the pinned critical (13) before the major (9).
    expect(await ids()).toEqual([minor, critical, major]);
    w.testApp.setNow(at(80 * HOUR));
    await w.testApp.app.get(AgingService).rescoreDue();
    const after = (await w.http.get(`/tickets/${minor}`, { token: agent.token })).body;
    expect(after).toMatchObject({ priority_score: 6, priority_level: 'P0', computed_level: 'P2' });
    const pinnedCritical = (await w.http.get(`/tickets/${critical}`, { token: agent.token })).body;
    expect(pinnedCritical).toMatchObject({ priority_score: 16, priority_level: 'P2' });
    const events = (await w.http.get(`/tickets/${critical}/events`, { token: agent.token })).body;
    expect(events.filter((e: { type: string }) => e.type === 'level_raised')).toEqual([]);
    // The unpinned major aged to 12 (P1) and passes the critical pinned at P2.
    expect(await ids()).toEqual([minor, major, critical]);
    await patch(critical, { priority_override: null });
    expect(await ids()).toEqual([critical, minor, major]);
    expect(await ids('&priority_level=P0')).toEqual([critical, minor]);
  });

  it('should list live work by default, and accept status lists and all', async () => {
    const open = await create({ issue_type: 'minor', impact: 1, customer_type: 'free' });
    const started = await create({ issue_type: 'major', impact: 1, customer_type: 'free' });
    const done = await create({ issue_type: 'critical', impact: 1, customer_type: 'free' });
    await patch(started, { status: 'in_progress' });
    await patch(done, { status: 'in_progress' });
    await patch(done, { status: 'resolved' });
    expect(await ids()).toEqual([started, open]);
    expect(await ids('&status=all')).toEqual([done, started, open]);
    expect(await ids('&status=resolved,open')).toEqual([done, open]);
    expect(await ids('&status=in_progress')).toEqual([started]);
    for (const bad of ['pending', 'open,', 'ALL', 'open;closed']) {
      expectProblem(await w.http.get(`/tickets?status=${bad}`, { token: agent.token }), 400);
    }
  });

  it('should filter by assignee me, none or an id, and page each without gaps', async () => {
    const made: number[] = [];
    for (let i = 0; i < 12; i++) {
      made.push(await create({ issue_type: 'major', impact: 1 + i * 20, customer_type: 'free' }));
    }
    for (const [i, id] of made.entries()) {
      if (i % 3 === 0) await patch(id, { assignee_id: agent.id });
      if (i % 3 === 1) await patch(id, { assignee_id: other.id });
    }
    const mine = await ids('&assignee=me');
    expect(mine.sort()).toEqual(made.filter((_, i) => i % 3 === 0).sort());
    expect(await walk('&assignee=me', 2)).toEqual(await ids('&assignee=me'));
    expect(await walk(`&assignee=${other.id}`, 3)).toEqual(await ids(`&assignee=${other.id}`));
    expect(await walk('&assignee=none', 1)).toHaveLength(4);
    expect(await walk('&status=all', 5)).toEqual(await ids('&status=all'));
    const total = (await w.http.get('/tickets?assignee=none', { token: agent.token })).body.total;
    expect(total).toBe(4);
    expectProblem(await w.http.get('/tickets?assignee=you', { token: agent.token }), 400);
  });

  it('should search title and description literally and case-insensitively', async () => {
    const base = { issue_type: 'minor', impact: 1, customer_type: 'free' };
    const checkout = await create({ ...base, title: 'Checkout FAILS', description: 'since 9:00' });
    const percent = await create({ ...base, title: 'Discount 100% off', description: 'x' });
    const under = await create({ ...base, title: 'a_b', description: 'snake_case field' });
    await create({ ...base, title: 'aXb', description: 'nothing' });
    expect(await ids('&q=checkout%20fails')).toEqual([checkout]);
    expect(await ids('&q=9%3A00')).toEqual([checkout]);
    expect(await ids('&q=%25')).toEqual([percent]);
    expect(await ids('&q=_')).toEqual([under]);
    expect(await ids('&q=a_b')).toEqual([under]);
    expect(await walk('&q=a', 1)).toEqual(await ids('&q=a'));
    const own = await w.http.get('/tickets?q=checkout', { token: reporter.token });
    expect(own.body.total).toBe(1);
    expectProblem(await w.http.get(`/tickets?q=${'x'.repeat(101)}`, { token: agent.token }), 400);
    expectProblem(await w.http.get('/tickets?q=', { token: agent.token }), 400);
  });
});
