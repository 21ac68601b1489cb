import { AUTO_ASSIGNMENT_JOB } from '../../apps/api/src/assignment/assignment.constants';
import { DueWorkRunner } from '../../apps/api/src/due-work/due-work.runner';
import type { DatabaseKind, TestDatabase } from '../helpers/databases';
import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

export const HOUR = 3_600_000;

export interface WorkflowApp {
  testApp: TestApp;
  http: Http;
  /** Runs one auto-assignment pass, as a nudge or the timer would. */
  autoAssign(): Promise<number>;
}

/** The real app with the timers off (tests run the passes), on its own or a shared database. */
export async function startWorkflowApp(
  database: DatabaseKind | TestDatabase,
  env: Record<string, string> = {},
): Promise<WorkflowApp> {
  const testApp = await startTestApp({
    database,
    env: { AGING_INTERVAL_MS: '0', ASSIGNMENT_INTERVAL_MS: '0', ...env },
  });
  const http = new Http(testApp.baseUrl);
  const runner = testApp.app.get(DueWorkRunner);
  return { testApp, http, autoAssign: () => runner.runNow(AUTO_ASSIGNMENT_JOB) };
}

/** Signs up `username` and gives them `role`; returns their id and a token. */
export async function userWithRole(
  w: WorkflowApp,
  username: string,
  role: 'reporter' | 'agent' | 'admin',
): Promise<{ id: number; token: string }> {
  const token = await w.http.signUp(username);
  await w.testApp.dataSource.query('UPDATE users SET role = ? WHERE username = ?', [
    role,
    username,
  ]);
  const [row] = await w.testApp.dataSource.query('SELECT id FROM users WHERE username = ?', [
    username,
  ]);
  return { id: Number(row.id), token };
}
