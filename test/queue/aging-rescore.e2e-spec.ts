import { databaseKinds } from '../helpers/databases';
import { Http } from '../helpers/http';
import { startTestApp } from '../helpers/test-app';
import { HOUR, MINUTE, startQueueApp, type QueueApp } from './queue-app';

const T0 = new Date('2026-06-01T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
// critical + enterprise + 150 users = 15 points: P1 when new, P0 once 4 hours old.
const URGENT = { issue_type: 'critical', impact: 150, customer_type: 'enterprise' };

describe.each(databaseKinds())('re-scoring on an age boundary on %s', (database) => {
  let q: QueueApp;
  let id: number;

  beforeAll(async () => {
    q = await startQueueApp(database);
  });
  afterAll(() => q.testApp.close());
  beforeEach(async () => {
    q.testApp.setNow(T0);
    await q.testApp.dataSource.query('DELETE FROM tickets');
    id = (await q.http.post('/tickets', URGENT, { token: q.tokens.reporter })).body.id;
  });

  const ticket = async () => (await q.http.get(`/tickets/${id}`, { token: q.tokens.agent })).body;
  const levelEvents = async () =>
    (await q.http.get(`/tickets/${id}/events`, { token: q.tokens.agent })).body.filter(
      (e: { type: string }) => e.type === 'level_raised',
    );

  it('should leave the score alone until the boundary is crossed', async () => {
    q.testApp.setNow(at(4 * HOUR - MINUTE));
    expect(await q.rescore()).toBe(0);
    expect(await ticket()).toMatchObject({ priority_score: 15, priority_level: 'P1' });
  });

  it('should raise score and level once the boundary is crossed, and record it as system', async () => {
    q.testApp.setNow(at(4 * HOUR + 20_000));
    expect(await q.rescore()).toBe(1);
    const after = await ticket();
    expect(after).toMatchObject({ priority_score: 16, priority_level: 'P0' });
    expect(after.breakdown.at(-1)).toEqual({ factor: 'age', input: 4.01, points: 1 });
    const queue = (await q.http.get('/tickets', { token: q.tokens.agent })).body.tickets;
    expect(queue[0]).toMatchObject({ id, priority_score: 16, priority_level: 'P0' });
    expect(await levelEvents()).toEqual([
      {
        id: expect.any(Number),
        type: 'level_raised',
        at: at(4 * HOUR + 20_000).toISOString(),
        actor: 'system',
        actor_id: null,
        data: { from: 'P1', to: 'P0', score_from: 15, score_to: 16 },
      },
    ]);
  });

  it('should be idempotent: a second pass changes nothing and records nothing', async () => {
    q.testApp.setNow(at(5 * HOUR));
    expect(await q.rescore()).toBe(1);
    expect(await q.rescore()).toBe(0);
    expect(await levelEvents()).toHaveLength(1);
  });

  it('should record each rise once when passes run concurrently, as on several instances', async () => {
    for (let i = 0; i < 20; i++) await q.http.post('/tickets', URGENT, { token: q.tokens.agent });
    q.testApp.setNow(at(4 * HOUR));
    const counts = await Promise.all([q.rescore(), q.rescore(), q.rescore()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(21);
    const [row] = await q.testApp.dataSource.query(
      `SELECT COUNT(*) AS n FROM ticket_events WHERE type = 'level_raised'`,
    );
    expect(Number(row.n)).toBe(21);
  });

  it('should only raise the score (no event) when the level stays the same', async () => {
    q.testApp.setNow(at(4 * HOUR));
    await q.rescore();
    q.testApp.setNow(at(24 * HOUR));
    expect(await q.rescore()).toBe(1);
    expect(await ticket()).toMatchObject({ priority_score: 17, priority_level: 'P0' });
    expect(await levelEvents()).toHaveLength(1);
  });

  it('should catch up across several boundaries in one pass', async () => {
    q.testApp.setNow(at(80 * HOUR));
    expect(await q.rescore()).toBe(1);
    expect(await ticket()).toMatchObject({ priority_score: 18, priority_level: 'P0' });
    q.testApp.setNow(at(300 * HOUR));
    expect(await q.rescore()).toBe(0); // the last bucket never changes again
  });

  it('should stop aging a resolved ticket and resume when it is reopened', async () => {
    await q.http.request(
      'PATCH',
      `/tickets/${id}`,
      { status: 'in_progress' },
      { token: q.tokens.agent },
    );
    await q.http.request(
      'PATCH',
      `/tickets/${id}`,
      { status: 'resolved' },
      { token: q.tokens.agent },
    );
    q.testApp.setNow(at(10 * HOUR));
    expect(await q.rescore()).toBe(0);
    expect(await ticket()).toMatchObject({ priority_score: 15, status: 'resolved' });
    const reopened = await q.http.request(
      'PATCH',
      `/tickets/${id}`,
      { status: 'open' },
      { token: q.tokens.agent },
    );
    expect(reopened.body).toMatchObject({ status: 'open', priority_score: 16 });
    q.testApp.setNow(at(24 * HOUR));
    expect(await q.rescore()).toBe(1);
    expect(await ticket()).toMatchObject({ priority_score: 17 });
  });

  it('should keep aging a ticket that is in progress', async () => {
    await q.http.request(
      'PATCH',
      `/tickets/${id}`,
      { status: 'in_progress' },
      { token: q.tokens.agent },
    );
    q.testApp.setNow(at(4 * HOUR));
    expect(await q.rescore()).toBe(1);
    expect(await ticket()).toMatchObject({ priority_score: 16, status: 'in_progress' });
  });
});

describe('the aging timer', () => {
  it('should re-score on its own and stop cleanly with the app', async () => {
    const q = await startQueueAppWithTimer();
    try {
      q.testApp.setNow(T0);
      const id = (await q.http.post('/tickets', URGENT, { token: q.tokens.agent })).body.id;
      q.testApp.setNow(at(4 * HOUR));
      const deadline = Date.now() + 5_000;
      let score = 15;
      while (score === 15 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        score = (await q.http.get(`/tickets/${id}`, { token: q.tokens.agent })).body.priority_score;
      }
      expect(score).toBe(16);
    } finally {
      await q.testApp.close();
    }
  });
});

async function startQueueAppWithTimer(): Promise<QueueApp> {
  const testApp = await startTestApp({ env: { AGING_INTERVAL_MS: '100' } });
  const http = new Http(testApp.baseUrl);
  const agent = await http.signUp('timer.agent');
  await testApp.dataSource.query(`UPDATE users SET role = 'agent'`);
  const tokens = { admin: agent, agent, reporter: agent, other: agent };
  return { testApp, http, tokens, rescore: () => Promise.resolve(0) };
}
