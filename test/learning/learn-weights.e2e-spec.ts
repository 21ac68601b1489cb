import { CUSTOMER_TYPES, DEFAULT_WEIGHTS, ISSUE_TYPES, type PriorityWeights } from '@app/priority';

import { agreement, levelOf, randomInt, seededRandom, type LevelLabel } from '@app/learning';
import { syntheticLabels } from '../../libs/learning/src/testing/synthetic';
import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import type { TestApp } from '../helpers/test-app';
import { startLearningApp, type LearningApp } from './learning-app';

const NOW = new Date('2026-05-04T12:00:00.000Z');
const HOUR = 3_600_000;

/** The weights the "agents" follow; the service never sees them. */
const KNOWN: PriorityWeights = {
  issueType: { critical: 8, major: 4, minor: 0 },
  customerType: { enterprise: 4, paid: 2, free: 1 },
  impact: [{ maxUsers: 10, points: 0 }, { maxUsers: 100, points: 2 }, { points: 6 }],
  age: DEFAULT_WEIGHTS.age.map((b, i) => ({ ...b, points: [0, 0, 2, 3][i] })),
  levels: DEFAULT_WEIGHTS.levels,
};

function facts(count: number, seed: number) {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => ({
    issueType: ISSUE_TYPES[randomInt(random, 3)],
    customerType: CUSTOMER_TYPES[randomInt(random, 3)],
    impact: Math.max(1, Math.round(Math.exp(random() * 9))),
    ageMs: Math.floor(random() * 96 * HOUR),
  }));
}

/** Every table's row count, to show a request wrote nothing. */
async function snapshot(testApp: TestApp): Promise<Record<string, number>> {
  const tables = testApp.dataSource.entityMetadatas.map((m) => m.tableName).sort();
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await testApp.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}

// Learning is CPU-bound: on a loaded 2-core machine a pass can take seconds.
jest.setTimeout(60_000);

describe.each(databaseKinds())('weights learned from corrections on %s', (database) => {
  let l: LearningApp;

  beforeAll(async () => {
    l = await startLearningApp(database, 'weights');
    l.testApp.setNow(NOW);
  });
  afterAll(() => l.testApp.close());
  beforeEach(() => l.testApp.dataSource.query('DELETE FROM tickets'));

  const learn = (token = l.tokens.admin) =>
    l.http.post('/admin/policy/learn', undefined, { token });

  /** Imports the tickets; agents override those whose level KNOWN disagrees with, and the
   * others are resolved untouched (confirmations). */
  async function labelTickets(sample: ReturnType<typeof facts>): Promise<void> {
    const rows = sample.map((f) => {
      const agreed =
        levelOf({ ...f, level: 'P3' }, KNOWN) === levelOf({ ...f, level: 'P3' }, DEFAULT_WEIGHTS);
      return {
        issue_type: f.issueType,
        customer_type: f.customerType,
        impact: f.impact,
        title: 'synthetic',
        created_at: new Date(NOW.getTime() - f.ageMs).toISOString(),
        status: agreed ? 'resolved' : 'open',
      };
    });
    const imported = await l.http.post(
      '/tickets/import',
      { tickets: rows },
      { token: l.tokens.admin },
    );
    expect(imported.status).toBe(201);
    const ids: number[] = imported.body.tickets.map((t: { id: number }) => t.id);
    const overrides = sample.flatMap((f, i) =>
      rows[i].status === 'resolved'
        ? []
        : [{ id: ids[i], level: levelOf({ ...f, level: 'P3' }, KNOWN) }],
    );
    for (let i = 0; i < overrides.length; i += 10) {
      const statuses = await Promise.all(
        overrides.slice(i, i + 10).map(async ({ id, level }) => {
          const body = { priority_override: { level, reason: 'the formula is wrong here' } };
          return (await l.http.request('PATCH', `/tickets/${id}`, body, { token: l.tokens.agent }))
            .status;
        }),
      );
      expect(new Set(statuses)).toEqual(new Set([200]));
    }
  }

  it('should refuse anonymous callers, agents and reporters', async () => {
    expectProblem(await l.http.post('/admin/policy/learn'), 401);
    expectProblem(await learn(l.tokens.agent), 403);
    expectProblem(await learn(l.tokens.reporter), 403);
  });

  it('should answer 409 while there are too few labels', async () => {
    const result = await learn();
    expectProblem(result, 409);
    expect(result.body.detail).toMatch(/0 of the 20/);
  });

  it('should recover the weights the agents follow from their overrides', async () => {
    const sample = facts(300, 11);
    await labelTickets(sample);
    const before = await snapshot(l.testApp);
    const result = await learn();
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ labels_used: 300, holdout_labels: 60 });
    expect(result.body.agreement_before).toBeLessThan(0.85);
    expect(result.body.agreement_after).toBeGreaterThanOrEqual(0.95);
    // The known weights or an equivalent set: fresh tickets get the levels KNOWN gives them.
    const fresh: LevelLabel[] = syntheticLabels(2000, KNOWN, 12);
    expect(agreement(fresh, result.body.proposed_weights)).toBeGreaterThanOrEqual(0.95);
    expect(result.body.proposed_weights.levels).toEqual(DEFAULT_WEIGHTS.levels);
    expect(result.body.changed.length).toBeGreaterThan(0);
    for (const change of result.body.changed) {
      expect(change).toEqual({
        weight: expect.any(String),
        from: expect.any(Number),
        to: expect.any(Number),
      });
    }
    // Learning writes nothing: no policy version, no ticket change, no model.
    expect(await snapshot(l.testApp)).toEqual(before);
  }, 60_000);

  it('should propose the active weights unchanged when agents only confirm', async () => {
    const rows = facts(60, 13).map((f) => ({
      issue_type: f.issueType,
      customer_type: f.customerType,
      impact: f.impact,
      created_at: new Date(NOW.getTime() - f.ageMs).toISOString(),
      status: 'resolved',
    }));
    expect(
      (await l.http.post('/tickets/import', { tickets: rows }, { token: l.tokens.admin })).status,
    ).toBe(201);
    const result = await learn();
    expect(result.body).toMatchObject({
      proposed_weights: DEFAULT_WEIGHTS,
      labels_used: 60,
      agreement_before: 1,
      agreement_after: 1,
      changed: [],
    });
  });

  it('should count an override that was cleared as no correction', async () => {
    const sample = facts(80, 14);
    await labelTickets(sample);
    const overridden = await l.testApp.dataSource.query(
      `SELECT DISTINCT ticket_id FROM ticket_events WHERE type = 'priority_overridden'`,
    );
    for (const { ticket_id } of overridden) {
      const cleared = await l.http.request(
        'PATCH',
        `/tickets/${ticket_id}`,
        { priority_override: null },
        { token: l.tokens.agent },
      );
      expect(cleared.status).toBe(200);
    }
    // Only the resolved (confirmed) tickets are labels now.
    const result = await learn();
    expect(overridden.length).toBeGreaterThan(0);
    expect(result.body.labels_used).toBe(80 - overridden.length);
  });
});
