import { syntheticCorpus } from '../../libs/learning/src/testing/synthetic';
import { IssueTypeModelService } from '../../apps/api/src/learning/issue-type-model.service';
import type { DatabaseKind, TestDatabase } from '../helpers/databases';
import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

export interface LearningApp {
  testApp: TestApp;
  http: Http;
  tokens: { admin: string; agent: string; reporter: string };
  /** One pass of the training job, as its timer would run it; 1 when it trained a version. */
  train(): Promise<number>;
}

/** The real app with the timers off (tests run the jobs), and one user per role. */
export async function startLearningApp(
  database: DatabaseKind | TestDatabase,
  prefix = 'learn',
): Promise<LearningApp> {
  const testApp = await startTestApp({
    database,
    env: { AGING_INTERVAL_MS: '0', LEARNING_INTERVAL_MS: '0' },
  });
  const http = new Http(testApp.baseUrl);
  const tokens = {
    admin: await http.signUp(`${prefix}.admin`),
    agent: await http.signUp(`${prefix}.agent`),
    reporter: await http.signUp(`${prefix}.reporter`),
  };
  await testApp.dataSource.query(`UPDATE users SET role = 'admin' WHERE username = ?`, [
    `${prefix}.admin`,
  ]);
  await testApp.dataSource.query(`UPDATE users SET role = 'agent' WHERE username = ?`, [
    `${prefix}.agent`,
  ]);
  const models = testApp.app.get(IssueTypeModelService);
  return { testApp, http, tokens, train: () => models.trainIfDue() };
}

/**
 * Imports `count` tickets whose text follows the synthetic term patterns per type, filed with
 * their true type (or `filedAs`); returns each ticket's id and true type.
 */
export async function importLabelledTexts(
  app: LearningApp,
  count: number,
  seed: number,
  status: 'resolved' | 'open' = 'resolved',
  filedAs?: string,
): Promise<{ id: number; label: string }[]> {
  const corpus = syntheticCorpus(count, seed);
  const imported: { id: number; label: string }[] = [];
  for (let i = 0; i < corpus.length; i += 1000) {
    const part = corpus.slice(i, i + 1000);
    const tickets = part.map((t) => ({
      issue_type: filedAs ?? t.label,
      impact: 5,
      customer_type: 'paid',
      title: t.title ?? undefined,
      description: t.description,
      created_at: '2026-01-01T00:00:00.000Z',
      status,
    }));
    const result = await app.http.post('/tickets/import', { tickets }, { token: app.tokens.admin });
    if (result.status !== 201) throw new Error(`import: ${result.text}`);
    result.body.tickets.forEach((t: { id: number }, j: number) =>
      imported.push({ id: t.id, label: part[j].label }),
    );
  }
  return imported;
}

export async function countRows(testApp: TestApp, table: string): Promise<number> {
  const [row] = await testApp.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}
