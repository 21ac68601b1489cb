import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { startWorkflowApp, userWithRole, type WorkflowApp } from './workflow-app';

const AUTO = { ASSIGNMENT_MODE: 'auto' };
type User = { id: number; token: string };
const ticket = (impact: number) => ({ issue_type: 'major', impact, customer_type: 'paid' });

async function loads(w: WorkflowApp, token: string) {
  const agents = (await w.http.get('/agents', { token })).body as {
    id: number;
    open_assigned: number;
    capacity: number;
    available: boolean;
  }[];
  return new Map(agents.map((a) => [a.id, a]));
}

async function assignedCount(w: WorkflowApp): Promise<number> {
  const [row] = await w.testApp.dataSource.query(
    'SELECT COUNT(*) AS n FROM tickets WHERE assignee_id IS NOT NULL',
  );
  return Number(row.n);
}

describe.each(databaseKinds())('auto-assignment on %s', (database) => {
  let w: WorkflowApp;
  let agents: User[];
  let admin: User;
  let reporter: User;

  beforeAll(async () => {
    w = await startWorkflowApp(database, AUTO);
    admin = await userWithRole(w, 'auto.admin', 'admin');
    reporter = await userWithRole(w, 'auto.reporter', 'reporter');
    agents = [];
    for (let i = 0; i < 3; i++) agents.push(await userWithRole(w, `auto.a${i}`, 'agent'));
  }, 60_000);
  afterAll(() => w.testApp.close());
  beforeEach(async () => {
    await w.testApp.dataSource.query('DELETE FROM tickets');
    await w.testApp.dataSource.query('UPDATE users SET available = NULL, capacity = NULL');
  });

  const setAgent = (id: number, body: object, token = admin.token) =>
    w.http.request('PATCH', `/agents/${id}`, body, { token });

  it('should respect every capacity under a burst of 100 creations', async () => {
    await setAgent(agents[2].id, { capacity: 5 });
    // Ten at a time: concurrent, without queueing past the request backstop on a loaded machine.
    const statuses: number[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const created = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          w.http.post('/tickets', ticket(1 + batch * 10 + i), { token: reporter.token }),
        ),
      );
      statuses.push(...created.map((r) => r.status));
    }
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    await w.autoAssign();
    const byId = await loads(w, admin.token);
    expect(agents.map((a) => byId.get(a.id)?.open_assigned)).toEqual([10, 10, 5]);
    expect(byId.get(admin.id)).toMatchObject({ available: false, open_assigned: 0 });
    expect(await assignedCount(w)).toBe(25);
    const [events] = await w.testApp.dataSource.query(
      "SELECT COUNT(*) AS n FROM ticket_events WHERE type = 'assigned' AND actor = 'system'",
    );
    expect(Number(events.n)).toBe(25);
    const open = await w.testApp.dataSource.query(
      "SELECT COUNT(*) AS n FROM tickets WHERE status = 'open'",
    );
    expect(Number(open[0].n)).toBe(100); // auto-assigned tickets stay open until started
  }, 30_000);

  it('should assign nothing while nobody is available, then the top of the queue first', async () => {
    for (const agent of agents) await setAgent(agent.id, { available: false }, agent.token);
    const low = await w.http.post('/tickets', ticket(1), { token: reporter.token });
    const high = await w.http.post('/tickets', ticket(500), { token: reporter.token });
    expect(await w.autoAssign()).toBe(0);
    expect(await assignedCount(w)).toBe(0);
    await setAgent(agents[0].id, { capacity: 1 });
    const back = await setAgent(agents[0].id, { available: true }, agents[0].token);
    expect(back.body).toMatchObject({ available: true, capacity: 1 });
    await w.autoAssign();
    const top = (await w.http.get(`/tickets/${high.body.id}`, { token: admin.token })).body;
    expect(top).toMatchObject({ assignee_id: agents[0].id, status: 'open' });
    const rest = (await w.http.get(`/tickets/${low.body.id}`, { token: admin.token })).body;
    expect(rest.assignee_id).toBeNull();
  });

  it('should hand the top waiting ticket on when a resolve frees a slot', async () => {
    await setAgent(agents[0].id, { capacity: 1 });
    for (const agent of agents.slice(1)) {
      await setAgent(agent.id, { available: false }, agent.token);
    }
    const first = (await w.http.post('/tickets', ticket(500), { token: reporter.token })).body.id;
    const low = (await w.http.post('/tickets', ticket(1), { token: reporter.token })).body.id;
    const next = (await w.http.post('/tickets', ticket(50), { token: reporter.token })).body.id;
    await w.autoAssign();
    const who = async (id: number) =>
      (await w.http.get(`/tickets/${id}`, { token: admin.token })).body.assignee_id;
    expect([await who(first), await who(next), await who(low)]).toEqual([agents[0].id, null, null]);
    const patch = (id: number, status: string) =>
      w.http.request('PATCH', `/tickets/${id}`, { status }, { token: agents[0].token });
    await patch(first, 'in_progress');
    await patch(first, 'resolved');
    await w.autoAssign();
    expect([await who(first), await who(next), await who(low)]).toEqual([
      agents[0].id,
      agents[0].id,
      null,
    ]);
  });

  it('should let agents set only their own availability, and admins anything', async () => {
    expectProblem(await setAgent(agents[1].id, { available: false }, agents[0].token), 403);
    expectProblem(await setAgent(agents[0].id, { capacity: 50 }, agents[0].token), 403);
    expectProblem(await setAgent(reporter.id, { available: true }), 404);
    expectProblem(await setAgent(agents[0].id, {}), 400);
    expectProblem(await setAgent(agents[0].id, { capacity: -1 }), 400);
    expectProblem(await w.http.get('/agents', { token: reporter.token }), 403);
    const admins = await setAgent(admin.id, { available: true, capacity: 3 });
    expect(admins.body).toMatchObject({
      id: admin.id,
      role: 'admin',
      available: true,
      capacity: 3,
    });
  });
});

const mysqlOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

mysqlOnly('auto-assignment on two instances sharing one MariaDB database', () => {
  let database: TestDatabase;
  let apps: WorkflowApp[];

  beforeAll(async () => {
    database = await createTestDatabase('mysql');
    apps = [await startWorkflowApp(database, AUTO), await startWorkflowApp(database, AUTO)];
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.testApp.stop();
    await database.drop();
  });

  it('should never exceed a capacity nor assign a ticket twice', async () => {
    const [one, two] = apps;
    const reporter = await userWithRole(one, 'multi.reporter', 'reporter');
    const admin = await userWithRole(one, 'multi.admin', 'admin');
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await userWithRole(one, `multi.a${i}`, 'agent')).id);
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        apps[i % 2].http.post('/tickets', ticket(1 + i), { token: reporter.token }),
      ),
    );
    await Promise.all([one.autoAssign(), two.autoAssign(), one.autoAssign(), two.autoAssign()]);
    const byId = await loads(one, admin.token);
    expect(ids.map((id) => byId.get(id)?.open_assigned)).toEqual([10, 10, 10]);
    const [events] = await one.testApp.dataSource.query(
      "SELECT COUNT(*) AS n, COUNT(DISTINCT ticket_id) AS d FROM ticket_events WHERE type = 'assigned'",
    );
    expect([Number(events.n), Number(events.d)]).toEqual([30, 30]);
  }, 60_000);
});
