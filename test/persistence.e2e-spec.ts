import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_WEIGHTS } from '@app/priority';
import { DataSource } from 'typeorm';

import { buildConfig } from '../apps/api/src/config';
import { buildDataSourceOptions } from '../apps/api/src/database/database-options';
import { MIGRATIONS } from '../migrations';
import { createTestDatabase, databaseKinds, type TestDatabase } from './helpers/databases';
import { Http } from './helpers/http';
import { startTestApp } from './helpers/test-app';

describe.each(databaseKinds())('persistence on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(() => database.drop());

  it('should keep users and tickets across a restart and migrate only once', async () => {
    const first = await startTestApp({ database });
    const http = new Http(first.baseUrl);
    const token = await http.signUp('restart.user');
    const created = await http.post(
      '/tickets',
      { issue_type: 'critical', impact: 5, customer_type: 'paid' },
      { token },
    );
    expect(created.status).toBe(201);
    await first.stop();

    const second = await startTestApp({ database });
    const again = new Http(second.baseUrl);
    const login = await again.post('/auth/login', {
      username: 'restart.user',
      password: 'correct horse battery',
    });
    expect(login.status).toBe(200);
    const stored = await again.get(`/tickets/${created.body.id}`, {
      token: login.body.access_token,
    });
    expect(stored.body).toMatchObject({
      id: created.body.id,
      priority_score: 9,
      created_at: created.body.created_at,
    });
    expect(await second.dataSource.query('SELECT name FROM migrations')).toHaveLength(
      MIGRATIONS.length,
    );
    await second.stop();
  });

  it('should revert and re-apply the schema with the migrations alone', async () => {
    const options = buildDataSourceOptions(
      buildConfig({ NODE_ENV: 'test', ...database.env }).database,
    );
    const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
      expect(await dataSource.createQueryRunner().hasTable('tickets')).toBe(false);
      await dataSource.runMigrations();
      expect(await dataSource.createQueryRunner().hasTable('tickets')).toBe(true);
      expect(await dataSource.createQueryRunner().hasTable('users')).toBe(true);
    } finally {
      await dataSource.destroy();
    }
  });
});

describe('weights from PRIORITY_WEIGHTS_FILE', () => {
  it('should score tickets with the configured weights', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'weights-')), 'weights.json');
    writeFileSync(
      file,
      JSON.stringify({ ...DEFAULT_WEIGHTS, customerType: { enterprise: 10, paid: 3, free: 0 } }),
    );
    const testApp = await startTestApp({ env: { PRIORITY_WEIGHTS_FILE: file } });
    try {
      const http = new Http(testApp.baseUrl);
      const token = await http.signUp('tuner');
      const result = await http.post(
        '/tickets',
        { issue_type: 'major', impact: 5, customer_type: 'enterprise' },
        { token },
      );
      expect(result.body).toMatchObject({ priority_score: 14, priority_level: 'P1' });
      expect(result.body.breakdown[1]).toEqual({
        factor: 'customer_type',
        input: 'enterprise',
        points: 10,
      });
    } finally {
      await testApp.close();
    }
  });
});
