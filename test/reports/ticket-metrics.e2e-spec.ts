import { AutoAssignmentService } from '../../apps/api/src/assignment/auto-assignment.service';
import { databaseKinds } from '../helpers/databases';
import { startWorkflowApp, userWithRole, type WorkflowApp } from '../workflow/workflow-app';

const T0 = new Date('2026-05-04T09:00:00.000Z');
const MINUTE = 60_000;
const FACTS = { issue_type: 'major', impact: 50, customer_type: 'paid' } as const;

/** The value of one sample, or 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split('\n')
    .find(
      (l) =>
        (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) &&
        wanted.every((pair) => l.includes(pair)),
    );
  return line ? Number(line.split(' ').pop()) : 0;
}

function ok<T extends { status: number; text: string }>(result: T): T {
  if (result.status >= 300) throw new Error(`${result.status}: ${result.text}`);
  return result;
}

const sumOf = (text: string, name: string, labels: Record<string, string>) =>
  text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`))
    .filter((l) => Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);

describe.each(databaseKinds())('ticket metrics recorded where things happen, on %s', (database) => {
  let w: WorkflowApp;
  let text: string;
  let level: string;

  beforeAll(async () => {
    w = await startWorkflowApp(database);
    const agent = await userWithRole(w, 'metrics.agent', 'agent');
    const reporter = await userWithRole(w, 'metrics.reporter', 'reporter');
    w.testApp.setNow(T0);
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await w.http.post('/tickets', FACTS, { token: reporter.token });
      ids.push(created.body.id);
      level = created.body.level;
    }
    const claimed = ok(await w.http.post('/tickets/claim', {}, { token: agent.token }));
    const others = ids.filter((id) => id !== claimed.body.id);
    const patch = (id: number, body: object) =>
      w.http.request('PATCH', `/tickets/${id}`, body, { token: agent.token });
    ok(await patch(others[0], { assignee_id: agent.id }));
    await w.testApp.app.get(AutoAssignmentService).runDue(T0);
    w.testApp.setNow(new Date(T0.getTime() + 30 * MINUTE));
    const comment = (internal: boolean) =>
      w.http.post(
        `/tickets/${claimed.body.id}/comments`,
        { body: 'On it', internal },
        { token: agent.token },
      );
    ok(await comment(true)); // internal: not a response
    ok(await comment(false));
    ok(await comment(false)); // not the first
    w.testApp.setNow(new Date(T0.getTime() + 120 * MINUTE));
    ok(await patch(claimed.body.id, { status: 'resolved' }));
    text = (await w.http.get('/metrics')).text;
  }, 60_000);

  afterAll(() => w.testApp.close());

  it('should count assignments by how they happened', () => {
    expect(sample(text, 'ticket_assignments_total', { mode: 'claim' })).toBe(1);
    expect(sample(text, 'ticket_assignments_total', { mode: 'manual' })).toBe(1);
    expect(sample(text, 'ticket_assignments_total', { mode: 'auto' })).toBe(2);
  });

  it('should observe the first public answer once, by level', () => {
    expect(sample(text, 'ticket_first_response_seconds_count', { level })).toBe(1);
    expect(sample(text, 'ticket_first_response_seconds_sum', { level })).toBe(1800);
  });

  it('should count the resolution and observe its time, by level', () => {
    expect(sample(text, 'tickets_resolved_total', { level })).toBe(1);
    expect(sample(text, 'ticket_resolution_seconds_count', { level })).toBe(1);
    expect(sample(text, 'ticket_resolution_seconds_sum', { level })).toBe(7200);
    expect(sample(text, 'ticket_resolution_seconds_bucket', { level, le: '3600' })).toBe(0);
    expect(sample(text, 'ticket_resolution_seconds_bucket', { level, le: '7200' })).toBe(1);
  });

  it('should gauge the active queue by level and status, from the database', () => {
    expect(sumOf(text, 'tickets_active', { level })).toBe(3);
    expect(text).toMatch(/^# TYPE sla_breaches_total counter$/m);
  });
});
