import { MIGRATIONS } from '../../migrations';
import { createTestDatabase } from '../helpers/databases';
import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

// Instances of a new deployment start together on an empty database: one migrates, the other
// waits on the advisory lock (GET_LOCK) and then finds nothing to do; both serve.
(process.env.TEST_DATABASE_URL ? describe : describe.skip)(
  'two instances starting at once on an empty MySQL database',
  () => {
    it('should apply every migration once and serve from both', async () => {
      const database = await createTestDatabase('mysql');
      const apps: TestApp[] = [];
      try {
        const started = await Promise.allSettled([0, 1].map(() => startTestApp({ database })));
        for (const result of started) if (result.status === 'fulfilled') apps.push(result.value);
        // The reason, when one did not start, is what a failure needs to show.
        expect(
          started.map((result) =>
            result.status === 'fulfilled' ? 'started' : String(result.reason),
          ),
        ).toEqual(['started', 'started']);

        const rows: Array<{ name: string }> = await apps[0].dataSource.query(
          'SELECT name FROM migrations ORDER BY id',
        );
        expect(rows.map((row) => row.name)).toEqual(MIGRATIONS.map((m) => m.name));
        const [first, second] = apps.map((app) => new Http(app.baseUrl));
        const token = await first.signUp('both.serve');
        const ticket = { issue_type: 'minor', impact: 1, customer_type: 'free' };
        expect((await second.post('/tickets', ticket, { token })).status).toBe(201);
        expect((await first.get('/tickets', { token })).body.total).toBe(1);
      } finally {
        for (const app of apps) await app.stop();
        await database.drop();
      }
    }, 60_000);
  },
);
