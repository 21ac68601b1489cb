/**
 * The policy's two figures at 100,000 active tickets on SQLite (issue 12; not part of npm test):
 *   nest build && node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/policy.ts
 * the what-if preview's p50 (goal < 2 s) and the re-score after an activation (goal < 60 s).
 */
import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from '../apps/api/src/database/database-options';
import { AppProcess } from './app-process';
import { prepareDatabase } from './bench-databases';
import { measure } from './load';
import { signIn } from './scenarios';

const ACTIVE = 100_000;
const PORT = 3981;

async function main() {
  const database = await prepareDatabase('sqlite', ACTIVE, undefined);
  const db = new DataSource({ ...buildDataSourceOptions(database.config.database) });
  await db.initialize();
  // The seed ages most tickets into done work; here every one of them is waiting.
  await db.query(
    "UPDATE tickets SET status = 'open', resolved_at = NULL, closed_at = NULL, first_resolved_at = NULL",
  );
  const [{ n }] = await db.query(
    "SELECT COUNT(*) AS n FROM tickets WHERE status IN ('open', 'in_progress', 'pending')",
  );
  const app = new AppProcess(PORT, database.env, database.config.auth.bcryptCost);
  try {
    await app.ready();
    const { token, userId } = await signIn(app, db);
    await db.query("UPDATE users SET role = 'admin' WHERE id = ?", [userId]);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const active = (await (await fetch(`${app.baseUrl}/admin/policy`, { headers })).json()) as {
      weights: { customerType: Record<string, number> };
      sla: unknown;
    };
    const weights = { ...active.weights, customerType: { enterprise: 8, paid: 3, free: 1 } };
    const preview = await measure({
      url: `${app.baseUrl}/admin/policy/preview`,
      method: 'POST',
      body: { weights },
      token,
      seconds: 10,
      connections: 1,
      timeoutSeconds: 30,
    });
    console.log(`active tickets: ${n}`);
    console.log(
      `preview: p50 ${preview.p50} ms, p99 ${preview.p99} ms, failures ${preview.failures}`,
    );
    const started = Date.now();
    const put = await fetch(`${app.baseUrl}/admin/policy`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ weights, sla: active.sla, reason: 'Benchmark: enterprise weighs 8' }),
    });
    if (put.status !== 200) throw new Error(`PUT /admin/policy: ${put.status}`);
    for (;;) {
      const now = (await (await fetch(`${app.baseUrl}/admin/policy`, { headers })).json()) as {
        rescore: { done: number; total: number } | null;
      };
      if (now.rescore === null) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const [{ left }] = await db.query(
      'SELECT COUNT(*) AS left FROM tickets WHERE policy_version < (SELECT MAX(version) FROM policy_versions)',
    );
    console.log(
      `re-score of ${n} active tickets: ${(Date.now() - started) / 1000} s (left: ${left})`,
    );
  } finally {
    await app.stop();
    await db.destroy();
  }
}

void main();
