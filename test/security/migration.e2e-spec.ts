import { DataSource } from 'typeorm';

import { MIGRATIONS } from '../../migrations';
import { buildConfig } from '../../apps/api/src/config';
import { buildDataSourceOptions } from '../../apps/api/src/database/database-options';
import { databaseKinds } from '../helpers/databases';
import { Http } from '../helpers/http';
import { startTestApp } from '../helpers/test-app';

/** Every migration after the first must apply to, and revert from, a database holding data. */
describe.each(databaseKinds())('later migrations on a populated %s database', (kind) => {
  it('should revert and re-apply with users, tickets and sessions in place', async () => {
    const testApp = await startTestApp({ database: kind });
    const http = new Http(testApp.baseUrl);
    const token = await http.signUp('kept.user');
    await http.post(
      '/tickets',
      { issue_type: 'minor', impact: 1, customer_type: 'free' },
      { token },
    );
    await testApp.stop();
    const options = buildDataSourceOptions(
      buildConfig({ NODE_ENV: 'test', ...testApp.database.env }).database,
    );
    const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
    try {
      for (let i = 1; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
      expect(await dataSource.createQueryRunner().hasTable('auth_sessions')).toBe(false);
      expect(await dataSource.createQueryRunner().hasTable('ticket_events')).toBe(false);
      await dataSource.runMigrations();
      const users = await dataSource.query('SELECT username, disabled FROM users');
      expect(users).toEqual([{ username: 'kept.user', disabled: 0 }]);
      expect(await dataSource.query('SELECT id FROM tickets')).toHaveLength(1);
    } finally {
      await dataSource.destroy();
      await testApp.database.drop();
    }
  }, 30_000);
});
