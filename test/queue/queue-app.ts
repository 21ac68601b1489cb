import { AgingService } from '../../apps/api/src/aging/aging.service';
import type { DatabaseKind } from '../helpers/databases';
import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

export interface QueueApp {
  testApp: TestApp;
  http: Http;
  tokens: { admin: string; agent: string; reporter: string; other: string };
  /** Runs one re-score pass, as the interval timer would. */
  rescore(): Promise<number>;
}

/** The real app with the aging timer off (tests call the re-scorer), and one user per role. */
export async function startQueueApp(
  database: DatabaseKind,
  env: Record<string, string> = {},
): Promise<QueueApp> {
  const testApp = await startTestApp({ database, env: { AGING_INTERVAL_MS: '0', ...env } });
  const http = new Http(testApp.baseUrl);
  const tokens = {
    admin: await http.signUp('queue.admin'),
    agent: await http.signUp('queue.agent'),
    reporter: await http.signUp('queue.reporter'),
    other: await http.signUp('queue.other'),
  };
  await testApp.dataSource.query(`UPDATE users SET role = 'admin' WHERE username = 'queue.admin'`);
  await testApp.dataSource.query(`UPDATE users SET role = 'agent' WHERE username = 'queue.agent'`);
  const aging = testApp.app.get(AgingService);
  return { testApp, http, tokens, rescore: () => aging.rescoreDue() };
}

export async function countRows(testApp: TestApp, table: string): Promise<number> {
  const [row] = await testApp.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}
