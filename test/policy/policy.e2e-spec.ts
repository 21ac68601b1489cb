import { DEFAULT_WEIGHTS } from '@app/priority';
import { DEFAULT_SLA_POLICY } from '@app/sla';

import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { SLA, snapshot, startPolicyApp, weightsWith, type PolicyApp } from './policy-app';

const NOW = new Date('2026-12-01T10:00:00.000Z');
// critical + enterprise + 150 users: 5 + 5 + 5 = 15 (P1) by default; 16 (P0) with enterprise 6.
const P1 = { issue_type: 'critical', impact: 150, customer_type: 'enterprise', title: 'Down' };
const MINOR = { issue_type: 'minor', impact: 1, customer_type: 'free', title: 'Typo' };
const REASON = 'Enterprise outages must reach P0 (incident 2291).';

const pointsOf = (ticket: { breakdown: { points: number }[] }) =>
  ticket.breakdown.reduce((sum, item) => sum + item.points, 0);

jest.setTimeout(60_000);

describe.each(databaseKinds())('policy versions on %s', (database) => {
  let p: PolicyApp;

  beforeAll(async () => {
    p = await startPolicyApp(database);
  });
  afterAll(() => p.testApp.close());
  beforeEach(() => p.testApp.setNow(NOW));

  const admin = () => ({ token: p.tokens.admin });
  const put = (body: object) => p.http.request('PUT', '/admin/policy', body, admin());
  const file = (body: object) => p.http.post('/tickets', body, { token: p.tokens.reporter });
  const ticket = async (id: number) =>
    (await p.http.get(`/tickets/${id}`, { token: p.tokens.agent })).body;

  it('should write version 1 from the shipped defaults at the first start', async () => {
    const active = await p.http.get('/admin/policy', admin());
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({
      version: 1,
      weights: DEFAULT_WEIGHTS,
      sla: DEFAULT_SLA_POLICY,
      created_by: null,
      based_on: null,
      rescore: null,
    });
    expect(active.body.reason).toMatch(/shipped defaults/);
  });

  it('should refuse every admin policy route to agents and reporters', async () => {
    const routes: [string, string, object?][] = [
      ['GET', '/admin/policy'],
      ['PUT', '/admin/policy', { weights: DEFAULT_WEIGHTS, sla: SLA, reason: REASON }],
      ['GET', '/admin/policy/versions'],
      ['GET', '/admin/policy/versions/1'],
      ['POST', '/admin/policy/versions/1/activate', { reason: REASON }],
      ['POST', '/admin/policy/preview', {}],
      ['POST', '/admin/policy/learn'],
    ];
    for (const token of [p.tokens.agent, p.tokens.reporter]) {
      for (const [method, path, body] of routes) {
        expectProblem(await p.http.request(method, path, body, { token }), 403);
      }
    }
    expectProblem(await p.http.get('/admin/policy'), 401);
    expect((await p.http.get('/admin/policy/versions', admin())).body.total).toBe(1);
  });

  it('should list every problem of a bad policy in one 400 and write nothing', async () => {
    const weights = structuredClone(DEFAULT_WEIGHTS) as unknown as Record<string, any>;
    weights.issueType.critical = -1;
    weights.levels = { P0: 5, P1: 11, P2: 6 };
    weights.colour = 'red';
    const sla = structuredClone(SLA) as unknown as Record<string, any>;
    sla.warn_at_percent = 120;
    sla.targets.P1.calendar = 'nowhere';
    const result = await put({ weights, sla, reason: 'short' });
    expectProblem(result, 400);
    const fields = result.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual([
      'reason',
      'sla.targets.P1.calendar',
      'sla.warn_at_percent',
      'weights.colour',
      'weights.issueType.critical',
      'weights.levels.P0',
    ]);
    expectProblem(await put({ weights: DEFAULT_WEIGHTS, reason: REASON }), 400);
    expect((await p.http.get('/admin/policy', admin())).body.version).toBe(1);
  });

  it('should save, re-score, keep the history and bring an old version back', async () => {
    const before = (await file(P1)).body;
    const done = (await file(P1)).body;
    for (const status of ['in_progress', 'resolved']) {
      const moved = await p.http.request(
        'PATCH',
        `/tickets/${done.id}`,
        { status },
        {
          token: p.tokens.agent,
        },
      );
      expect(moved.status).toBe(200);
    }
    const saved = await put({ weights: weightsWith(6), sla: SLA, reason: REASON });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: 2,
      reason: REASON,
      created_by: { username: 'policy.admin' },
      rescore: { version: 2, done: 0, total: 1, started_at: NOW.toISOString() },
    });
    // Before the re-score: still version 1's score, and its points add up to it.
    const waiting = await ticket(before.id);
    expect(waiting).toMatchObject({ policy_version: 1, priority_score: 15, priority_level: 'P1' });
    expect(pointsOf(waiting)).toBe(15);
    const fresh = (await file(P1)).body;
    expect(fresh).toMatchObject({ policy_version: 2, priority_score: 16, priority_level: 'P0' });
    expect(pointsOf(fresh)).toBe(16);

    expect(await p.rescore()).toBe(1);
    const rescored = await ticket(before.id);
    expect(rescored).toMatchObject({ policy_version: 2, priority_score: 16, priority_level: 'P0' });
    expect(pointsOf(rescored)).toBe(16);
    expect(rescored.sla.level).toBe('P0');
    const history = (await p.http.get(`/tickets/${before.id}/events`, admin())).body;
    expect(history.filter((e: { type: string }) => e.type === 'policy_rescored')).toEqual([
      expect.objectContaining({ actor: 'system', data: { from: 'P1', to: 'P0', version: 2 } }),
    ]);
    // Done work keeps the score it had.
    expect(await ticket(done.id)).toMatchObject({ policy_version: 1, priority_score: 15 });
    expect((await p.http.get('/admin/policy', admin())).body.rescore).toBeNull();
    expect(await p.rescore()).toBe(0);

    const back = await p.http.post(
      '/admin/policy/versions/1/activate',
      { reason: 'Back to the defaults.' },
      admin(),
    );
    expect(back.body).toMatchObject({ version: 3, based_on: 1, weights: DEFAULT_WEIGHTS });
    expect(await p.rescore()).toBe(2);
    const restored = await ticket(before.id);
    expect(restored).toMatchObject({ policy_version: 3, priority_score: 15, priority_level: 'P1' });
    expect(pointsOf(restored)).toBe(15);

    const page = (await p.http.get('/admin/policy/versions?limit=2', admin())).body;
    expect(page).toMatchObject({ page: 1, limit: 2, total: 3 });
    expect(page.versions.map((v: { version: number }) => v.version)).toEqual([3, 2]);
    const two = (await p.http.get('/admin/policy/versions/2', admin())).body;
    expect(two).toMatchObject({ version: 2, weights: weightsWith(6), reason: REASON });
    expectProblem(await p.http.get('/admin/policy/versions/99', admin()), 404);
    expectProblem(
      await p.http.post('/admin/policy/versions/99/activate', { reason: REASON }, admin()),
      404,
    );

    // Both changes are in the audit trail, with who, why and what, and the chain holds.
    const audit = (await p.http.get('/admin/audit', admin())).body.entries as {
      action: string;
      target: string;
      actor: { username: string } | null;
      after: { reason: string; based_on: number | null };
    }[];
    const policyEntries = audit.filter((entry) => entry.target.startsWith('policy:'));
    expect(
      policyEntries.map((e) => [e.action, e.target, e.after.reason, e.after.based_on]),
    ).toEqual(
      expect.arrayContaining([
        ['policy.saved', 'policy:2', REASON, null],
        ['policy.activated', 'policy:3', 'Back to the defaults.', 1],
      ]),
    );
    expect(policyEntries).toHaveLength(2);
    expect(policyEntries.every((e) => e.actor?.username === 'policy.admin')).toBe(true);
    expect((await p.http.get('/admin/audit/verify', admin())).body.intact).toBe(true);
  });

  it('should preview a candidate on the active tickets and write nothing', async () => {
    await p.testApp.dataSource.query('DELETE FROM ticket_events');
    await p.testApp.dataSource.query('DELETE FROM tickets');
    expect((await put({ weights: DEFAULT_WEIGHTS, sla: SLA, reason: REASON })).status).toBe(200);
    const urgent = (await file(P1)).body.id;
    const minor = (await file(MINOR)).body.id;
    const state = await snapshot(p.testApp);
    const preview = await p.http.post(
      '/admin/policy/preview',
      { weights: { ...weightsWith(6), issueType: { critical: 0, major: 3, minor: 10 } } },
      admin(),
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      tickets_considered: 2,
      // critical 0 + enterprise 6 + 5 = 11 (P1 stays); minor 10 + free 1 + 1 = 12 (P3 -> P1).
      level_changes: { 'P3->P1': 1 },
      unchanged: 1,
      top_movers: [
        expect.objectContaining({
          id: minor,
          title: 'Typo',
          from_rank: 2,
          to_rank: 1,
          from_level: 'P3',
          to_level: 'P1',
          from_score: 3,
          to_score: 12,
        }),
        expect.objectContaining({
          id: urgent,
          title: 'Down',
          from_rank: 1,
          to_rank: 2,
          from_score: 15,
          to_score: 11,
        }),
      ],
      first_page_before: [urgent, minor],
      first_page_after: [minor, urgent],
      sla_breached_before: 0,
      sla_breached_after: 0,
    });
    // A stricter SLA: 10 minutes later, the first response of both is breached.
    p.testApp.setNow(new Date(NOW.getTime() + 20 * 60_000));
    const strict = structuredClone(SLA);
    for (const level of ['P0', 'P1', 'P2', 'P3'] as const) {
      strict.targets[level] = {
        first_response_minutes: 10,
        resolution_minutes: 600,
        calendar: 'always',
      };
    }
    const sla = (await p.http.post('/admin/policy/preview', { sla: strict }, admin())).body;
    expect(sla).toMatchObject({
      level_changes: {},
      unchanged: 2,
      sla_breached_before: 0,
      sla_breached_after: 2,
    });
    const bad = await p.http.post('/admin/policy/preview', { weights: { issueType: {} } }, admin());
    expectProblem(bad, 400);
    expect(bad.body.errors.length).toBeGreaterThan(3);
    expect(await snapshot(p.testApp)).toEqual(state);
  });
});
