import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { startTestApp } from '../helpers/test-app';
import { countRows, importLabelledTexts, startLearningApp, type LearningApp } from './learning-app';

const OUTAGE = {
  title: 'Dashboard outage',
  description: 'Customer sees a crash on the invoice page',
};

// Learning is CPU-bound: on a loaded 2-core machine a pass can take seconds.
jest.setTimeout(30_000);

describe.each(databaseKinds())('issue-type suggestions on %s', (database) => {
  let l: LearningApp;
  let misfiled: { id: number; label: string }[];

  beforeAll(async () => {
    l = await startLearningApp(database);
  });
  afterAll(() => l.testApp.close());

  const suggest = (body: unknown, token = l.tokens.reporter) =>
    l.http.post('/tickets/suggest', body, { token });

  it('should answer 404 "no model yet" below 200 labelled tickets, even after a pass', async () => {
    expectProblem(await suggest(OUTAGE), 404);
    await importLabelledTexts(l, 150, 1);
    // Open tickets are not labelled: nobody confirmed their type yet (these were all filed minor).
    misfiled = await importLabelledTexts(l, 100, 2, 'open', 'minor');
    expect(await l.train()).toBe(0);
    const result = await suggest(OUTAGE);
    expectProblem(result, 404);
    expect(result.body.detail).toMatch(/no model yet/);
    expect(result.body.detail).toMatch(/150 of the 200/);
    expect(await countRows(l.testApp, 'learned_models')).toBe(0);
  });

  it('should count re-triaged tickets as labelled, train at 200 and suggest', async () => {
    // Agents correct the type of the misfiled ones; for the others they correct the impact
    // only, which confirms the type.
    const corrections = misfiled.map(({ id, label }) => ({
      id,
      body: label === 'minor' ? { impact: 6 } : { issue_type: label },
    }));
    for (let i = 0; i < corrections.length; i += 10) {
      const statuses = await Promise.all(
        corrections.slice(i, i + 10).map(async ({ id, body }) => {
          const token = l.tokens.agent;
          return (await l.http.request('PATCH', `/tickets/${id}`, body, { token })).status;
        }),
      );
      expect(new Set(statuses)).toEqual(new Set([200]));
    }
    expect(await l.train()).toBe(1);
    const result = await suggest(OUTAGE);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      issue_type: {
        value: 'critical',
        confidence: expect.any(Number),
        alternatives: [
          { value: expect.any(String), confidence: expect.any(Number) },
          { value: expect.any(String), confidence: expect.any(Number) },
        ],
      },
      evidence: expect.any(Array),
      model: {
        version: 1,
        trained_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        examples: 250,
        holdout_accuracy: expect.any(Number),
      },
    });
    expect(result.body.model.holdout_accuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.body.issue_type.confidence).toBeGreaterThan(0.5);
    const terms = result.body.evidence.map((e: { term: string }) => e.term);
    expect(terms).toEqual(expect.arrayContaining(['outage', 'crash']));
    for (const e of result.body.evidence) expect(e.weight).toBeGreaterThan(0);
  }, 30_000);

  it('should not retrain before 100 new labels, then train a new version that is used', async () => {
    expect(await l.train()).toBe(0);
    await importLabelledTexts(l, 99, 4);
    expect(await l.train()).toBe(0);
    await importLabelledTexts(l, 1, 5);
    expect(await l.train()).toBe(1);
    const result = await suggest({ description: 'tooltip wording is cosmetic' });
    expect(result.body.model).toMatchObject({ version: 2, examples: 350 });
    expect(result.body.issue_type.value).toBe('minor');
  });

  it('should retrain a day later when any label arrived', async () => {
    await importLabelledTexts(l, 3, 6);
    expect(await l.train()).toBe(0);
    l.testApp.setNow(new Date(Date.now() + 25 * 3_600_000));
    try {
      expect(await l.train()).toBe(1);
    } finally {
      l.testApp.setNow(undefined);
    }
    expect((await suggest(OUTAGE)).body.model.version).toBe(3);
  });

  it('should let any signed-in user ask, refuse anonymous callers and bad bodies', async () => {
    expect((await suggest(OUTAGE, l.tokens.agent)).status).toBe(200);
    expectProblem(await l.http.post('/tickets/suggest', OUTAGE), 401);
    expectProblem(await suggest({ title: 'no description' }), 400);
    expectProblem(await suggest({ description: '' }), 400);
    expectProblem(await suggest({ description: 'x'.repeat(10_001) }), 400);
    expectProblem(await suggest({ description: 'ok', title: 5 }), 400);
    expectProblem(await suggest({ description: 'ok', issue_type: 'minor' }), 400);
  });

  it('should never guess a missing issue_type on POST /tickets', async () => {
    const created = await l.http.post(
      '/tickets',
      { impact: 5, customer_type: 'paid', ...OUTAGE },
      { token: l.tokens.reporter },
    );
    expectProblem(created, 400);
  });

  it('should train each version once when two instances race for it', async () => {
    const other = await startLearningApp(l.testApp.database, 'learn2');
    try {
      await importLabelledTexts(l, 100, 7);
      const passes = await Promise.all([l.train(), other.train(), l.train(), other.train()]);
      expect(passes.reduce((a, b) => a + b, 0)).toBe(1);
      const rows = await l.testApp.dataSource.query(
        `SELECT version, status FROM learned_models ORDER BY version`,
      );
      expect(rows.map((r: { version: number }) => Number(r.version))).toEqual([1, 2, 3, 4]);
      expect(new Set(rows.map((r: { status: string }) => r.status))).toEqual(new Set(['ready']));
      // Both instances answer with the newest version.
      const a = await suggest(OUTAGE);
      const b = await other.http.post('/tickets/suggest', OUTAGE, { token: other.tokens.reporter });
      expect([a.body.model.version, b.body.model.version]).toEqual([4, 4]);
    } finally {
      await other.testApp.stop();
    }
  });
});

describe('the OpenAPI document', () => {
  it('should declare every status of the learning routes', async () => {
    const testApp = await startTestApp();
    try {
      const doc: any = await fetch(`${testApp.baseUrl}/docs-json`).then((r) => r.json());
      const suggest = doc.paths['/tickets/suggest'].post.responses;
      expect(Object.keys(suggest)).toEqual(expect.arrayContaining(['200', '400', '401', '404']));
      const learn = doc.paths['/admin/policy/learn'].post.responses;
      expect(Object.keys(learn)).toEqual(expect.arrayContaining(['200', '401', '403', '409']));
      const schema = doc.components.schemas.IssueTypeSuggestionDto;
      expect(Object.keys(schema.properties).sort()).toEqual(['evidence', 'issue_type', 'model']);
    } finally {
      await testApp.close();
    }
  });
});
