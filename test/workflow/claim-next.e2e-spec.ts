import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';
import { expectProblem, type HttpResult } from '../helpers/http';
import { startWorkflowApp, userWithRole, type WorkflowApp } from './workflow-app';

const TICKET = { issue_type: 'minor', impact: 5, customer_type: 'free' };
const AGENTS = 10;
const CLAIMS_PER_AGENT = 5;
const OPEN_TICKETS = 30;

async function seed(w: WorkflowApp, prefix: string) {
  const reporter = await userWithRole(w, `${prefix}.reporter`, 'reporter');
  const agents = [];
  for (let i = 0; i < AGENTS; i++) agents.push(await userWithRole(w, `${prefix}.a${i}`, 'agent'));
  for (let i = 0; i < OPEN_TICKETS; i++) {
    const created = await w.http.post('/tickets', TICKET, { token: reporter.token });
    expect(created.status).toBe(201);
  }
  return { reporter, agents };
}

/** Every agent fires its claims at once, spread over the given instances. */
async function race(apps: WorkflowApp[], agents: { token: string }[]): Promise<HttpResult[]> {
  const claims: Promise<HttpResult>[] = [];
  agents.forEach((agent, i) => {
    for (let c = 0; c < CLAIMS_PER_AGENT; c++) {
      const app = apps[(i + c) % apps.length];
      claims.push(app.http.post('/tickets/claim', {}, { token: agent.token }));
    }
  });
  return Promise.all(claims);
}

async function expectExactlyOnce(w: WorkflowApp, results: HttpResult[]) {
  const won = results.filter((r) => r.status === 200);
  const odd = results.filter((r) => r.status !== 200 && r.status !== 204);
  expect(odd.map((r) => `${r.status} ${r.text}`)).toEqual([]);
  expect(results.filter((r) => r.status === 204)).toHaveLength(results.length - OPEN_TICKETS);
  expect(won).toHaveLength(OPEN_TICKETS);
  expect(new Set(won.map((r) => r.body.id)).size).toBe(OPEN_TICKETS);
  for (const r of won) expect(r.body.status).toBe('in_progress');
  const [row] = await w.testApp.dataSource.query(
    "SELECT COUNT(*) AS n FROM ticket_events WHERE type = 'claimed'",
  );
  expect(Number(row.n)).toBe(OPEN_TICKETS);
  const holders = await w.testApp.dataSource.query(
    "SELECT COUNT(*) AS n FROM tickets WHERE status = 'in_progress' AND assignee_id IS NOT NULL",
  );
  expect(Number(holders[0].n)).toBe(OPEN_TICKETS);
}

describe.each(databaseKinds())('claim-next on %s', (database) => {
  let w: WorkflowApp;
  let agents: { id: number; token: string }[];
  let reporter: { id: number; token: string };

  beforeAll(async () => {
    w = await startWorkflowApp(database);
    ({ agents, reporter } = await seed(w, 'one'));
  }, 60_000);
  afterAll(() => w.testApp.close());

  it('should hand 30 open tickets to 50 concurrent claims exactly once, the rest 204', async () => {
    await expectExactlyOnce(w, await race([w], agents));
  }, 30_000);

  it('should claim in queue order, narrowed by level and customer, and refuse reporters', async () => {
    await w.testApp.dataSource.query('DELETE FROM tickets');
    const post = (body: object) => w.http.post('/tickets', body, { token: reporter.token });
    const minor = (await post(TICKET)).body;
    const critical = (await post({ ...TICKET, issue_type: 'critical' })).body;
    const paid = (await post({ ...TICKET, customer_type: 'paid' })).body;
    const claim = (body?: object) =>
      w.http.post('/tickets/claim', body, { token: agents[0].token });
    const narrowed = await claim({ customer_type: 'paid' });
    expect(narrowed.body).toMatchObject({ id: paid.id, assignee_id: agents[0].id });
    expect(narrowed.body.assignee).toEqual({ id: agents[0].id, username: 'one.a0' });
    expect((await claim({ priority_level: 'P0' })).status).toBe(204);
    expect((await claim()).body.id).toBe(critical.id);
    expect((await claim({})).body.id).toBe(minor.id);
    expect((await claim()).status).toBe(204);
    expectProblem(await claim({ priority_level: 'P9' }), 400);
    expectProblem(await w.http.post('/tickets/claim', {}, { token: reporter.token }), 403);
    expectProblem(await w.http.post('/tickets/claim', {}), 401);
  });

  it('should record claimed, assigned and status_changed, hiding the first two from the reporter', async () => {
    await w.testApp.dataSource.query('DELETE FROM tickets');
    const id = (await w.http.post('/tickets', TICKET, { token: reporter.token })).body.id;
    await w.http.post('/tickets/claim', {}, { token: agents[1].token });
    const staff = await w.http.get(`/tickets/${id}/events`, { token: agents[2].token });
    expect(staff.body.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'claimed',
      'assigned',
      'status_changed',
    ]);
    expect(staff.body[2]).toMatchObject({
      actor: 'one.a1',
      data: { from: null, to: agents[1].id },
    });
    const own = await w.http.get(`/tickets/${id}/events`, { token: reporter.token });
    expect(own.body.map((e: { type: string }) => e.type)).toEqual(['created', 'status_changed']);
  });
});

const mysqlOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

mysqlOnly('claim-next on two instances sharing one MariaDB database', () => {
  let database: TestDatabase;
  let apps: WorkflowApp[];

  beforeAll(async () => {
    database = await createTestDatabase('mysql');
    apps = [await startWorkflowApp(database), await startWorkflowApp(database)];
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.testApp.stop();
    await database.drop();
  });

  it('should hand 30 open tickets to 50 claims across both instances exactly once', async () => {
    const { agents } = await seed(apps[0], 'two');
    await expectExactlyOnce(apps[0], await race(apps, agents));
  }, 60_000);
});
