import { createTestDatabase, type TestDatabase } from '../helpers/databases';
import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PolicyRescoreService } from '../../apps/api/src/policy/policy-rescore.service';
import { SLA, startPolicyApp, weightsWith, type PolicyApp } from './policy-app';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const ENV = { POLICY_RESCORE_BATCH_SIZE: '25' };
const mysql = process.env.TEST_DATABASE_URL ? describe : describe.skip;

jest.setTimeout(120_000);

mysql('policy re-score with two app instances on one MySQL', () => {
  let database: TestDatabase;
  let a: PolicyApp;
  let b: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase('mysql');
    a = await startPolicyApp(database, 'policy', ENV);
    b = await startTestApp({
      database,
      env: { AGING_INTERVAL_MS: '0', SLA_CHECK_INTERVAL_MS: '0', POLICY_REFRESH_MS: '0', ...ENV },
    });
    a.testApp.setNow(NOW);
    b.setNow(NOW);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.testApp.close();
  });

  it('should re-score every active ticket once and record each level change once', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      issue_type: i % 2 === 0 ? 'critical' : 'minor',
      customer_type: 'enterprise',
      impact: 150,
      title: `#${i}`,
      created_at: NOW.toISOString(),
      status: i % 10 === 9 ? 'resolved' : 'open',
    }));
    const imported = await a.http.post(
      '/tickets/import',
      { tickets: rows },
      {
        token: a.tokens.admin,
      },
    );
    expect(imported.status).toBe(201);
    const saved = await a.http.request(
      'PUT',
      '/admin/policy',
      { weights: weightsWith(6), sla: SLA, reason: 'Enterprise outages reach P0.' },
      { token: a.tokens.admin },
    );
    expect(saved.body.rescore).toMatchObject({ version: 2, total: 270, done: 0 });
    const jobB = b.app.get(PolicyRescoreService);
    const counts = await Promise.all([
      a.rescore(),
      jobB.rescoreDue(),
      a.rescore(),
      jobB.rescoreDue(),
    ]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(270);
    expect(counts[1] + counts[3]).toBeGreaterThan(0); // the second instance took its share

    const query = (sql: string) => a.testApp.dataSource.query(sql);
    // The 150 criticals (5 + 5 + 5 = 15, P1; all open) become P0 with enterprise 6; minors stay.
    const events = await query(
      "SELECT ticket_id, data FROM ticket_events WHERE type = 'policy_rescored' ORDER BY ticket_id",
    );
    expect(events).toHaveLength(150);
    expect(new Set(events.map((e: { ticket_id: number }) => e.ticket_id)).size).toBe(150);
    expect(JSON.parse(events[0].data)).toEqual({ from: 'P1', to: 'P0', version: 2 });
    const versions = await query(
      'SELECT status, policy_version AS v, COUNT(*) AS n FROM tickets GROUP BY status, policy_version ORDER BY status',
    );
    expect(
      versions.map((r: { status: string; v: number; n: number }) => [
        r.status,
        Number(r.v),
        Number(r.n),
      ]),
    ).toEqual([
      ['open', 2, 270],
      ['resolved', 1, 30],
    ]);
    const active = (await a.http.get('/admin/policy', { token: a.tokens.admin })).body;
    expect(active.rescore).toBeNull();

    // The other instance scores new tickets with the new version.
    const created = await new Http(b.baseUrl).post(
      '/tickets',
      { issue_type: 'critical', impact: 150, customer_type: 'enterprise' },
      { token: a.tokens.reporter },
    );
    expect(created.body).toMatchObject({
      policy_version: 2,
      priority_score: 16,
      priority_level: 'P0',
    });
  });
});
