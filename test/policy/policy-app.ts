import { DEFAULT_WEIGHTS, type PriorityWeights } from '@app/priority';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '@app/sla';

import { PolicyRescoreService } from '../../apps/api/src/policy/policy-rescore.service';
import type { DatabaseKind, TestDatabase } from '../helpers/databases';
import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

export interface PolicyApp {
  testApp: TestApp;
  http: Http;
  tokens: { admin: string; agent: string; reporter: string };
  /** One pass of the re-score job, as its timer runs it; resolves with the tickets re-scored. */
  rescore(): Promise<number>;
}

/** The real app with its timers off (tests run the jobs), and one user per role. */
export async function startPolicyApp(
  database: DatabaseKind | TestDatabase,
  prefix = 'policy',
  env: Record<string, string> = {},
): Promise<PolicyApp> {
  const testApp = await startTestApp({
    database,
    env: { AGING_INTERVAL_MS: '0', SLA_CHECK_INTERVAL_MS: '0', POLICY_REFRESH_MS: '0', ...env },
  });
  const http = new Http(testApp.baseUrl);
  const tokens = {
    admin: await http.signUp(`${prefix}.admin`),
    agent: await http.signUp(`${prefix}.agent`),
    reporter: await http.signUp(`${prefix}.reporter`),
  };
  for (const role of ['admin', 'agent'] as const) {
    await testApp.dataSource.query('UPDATE users SET role = ? WHERE username = ?', [
      role,
      `${prefix}.${role}`,
    ]);
  }
  const job = testApp.app.get(PolicyRescoreService);
  return { testApp, http, tokens, rescore: () => job.rescoreDue() };
}

/** The shipped weights with enterprise customers worth `enterprise` points. */
export const weightsWith = (enterprise: number): PriorityWeights => ({
  ...structuredClone(DEFAULT_WEIGHTS),
  customerType: { enterprise, paid: 3, free: 1 },
});

export const SLA: SlaPolicy = structuredClone(DEFAULT_SLA_POLICY);

/** Every table's row count and every ticket's updated_at, to show a request wrote nothing. */
export async function snapshot(testApp: TestApp): Promise<unknown> {
  const tables = testApp.dataSource.entityMetadatas.map((m) => m.tableName).sort();
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await testApp.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  const tickets = await testApp.dataSource.query(
    'SELECT id, updated_at, priority_score, priority_level, policy_version, sla_due_key FROM tickets ORDER BY id',
  );
  return { counts, tickets };
}
