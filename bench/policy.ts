/**
 * The policy case of `npm run bench` (BENCH_CASES=policy; issue 12), at 100,000 active tickets:
 * the what-if preview's p50 (goal < 2 s) and the re-score after an activation (goal < 60 s).
 * Also runs alone (SQLite only, prints the figures, writes nothing):
 *   nest build && node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/policy.ts
 */
import 'reflect-metadata';

import { loadavg } from 'node:os';

import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from '../apps/api/src/database/database-options';
import { AppProcess } from './app-process';
import { prepareDatabase, type BenchDatabase } from './bench-databases';
import { signIn } from './scenarios';

export const POLICY_TICKETS = 100_000;
/** Timed previews after one warm-up; sequential, as an admin clicks "Preview". */
const PREVIEWS = 7;

export interface PolicyCase {
  engine: string;
  active: number;
  preview: { p50: number; max: number; cpuMs: number; failures: number };
  rescore: { seconds: number; left: number; levelChanges: number };
  /** 1-minute load average of the machine before and after the case. */
  load: [number, number];
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every ticket waiting (the seed ages most into done work), rewritten only where it differs. */
async function activateAll(db: DataSource, engine: string): Promise<number> {
  await db.query(
    "UPDATE tickets SET status = 'open', resolved_at = NULL, closed_at = NULL, " +
      "first_resolved_at = NULL WHERE status NOT IN ('open', 'in_progress', 'pending') " +
      'OR resolved_at IS NOT NULL OR closed_at IS NOT NULL OR first_resolved_at IS NOT NULL',
  );
  // The set-up's own writes are not billed to the re-score: fold the WAL into the database.
  if (engine === 'sqlite') await db.query('PRAGMA wal_checkpoint(TRUNCATE)');
  const [{ n }] = await db.query(
    "SELECT COUNT(*) AS n FROM tickets WHERE status IN ('open', 'in_progress', 'pending')",
  );
  return Number(n);
}

type Json = Record<string, unknown>;

async function timePreviews(app: AppProcess, headers: Record<string, string>, weights: Json) {
  const send = () =>
    fetch(`${app.baseUrl}/admin/policy/preview`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ weights }),
    });
  await (await send()).text();
  const times: number[] = [];
  let failures = 0;
  const cpuBefore = app.cpuMs();
  for (let i = 0; i < PREVIEWS; i++) {
    const started = performance.now();
    const response = await send();
    await response.text();
    times.push(performance.now() - started);
    if (response.status !== 200) failures++;
  }
  const cpuMs = (app.cpuMs() - cpuBefore) / PREVIEWS;
  return { p50: Math.round(median(times)), max: Math.round(Math.max(...times)), cpuMs, failures };
}

/** Activates `weights` and waits until GET /admin/policy shows no re-score in progress. */
async function timeRescore(app: AppProcess, headers: Record<string, string>, body: Json) {
  const started = performance.now();
  const put = await fetch(`${app.baseUrl}/admin/policy`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(body),
  });
  if (put.status !== 200) throw new Error(`PUT /admin/policy: ${put.status}`);
  for (;;) {
    const now = (await (await fetch(`${app.baseUrl}/admin/policy`, { headers })).json()) as Json;
    if (now.rescore === null) break;
    await pause(250);
  }
  return (performance.now() - started) / 1000;
}

/**
 * Runs the case on a database holding POLICY_TICKETS tickets: every one made active, one admin,
 * previews of a candidate that makes enterprise customers weigh more, then its activation.
 */
export async function runPolicyCase(database: BenchDatabase, port: number): Promise<PolicyCase> {
  const db = new DataSource({ ...buildDataSourceOptions(database.config.database) });
  await db.initialize();
  const loadBefore = loadavg()[0];
  const active = await activateAll(db, database.engine);
  const app = new AppProcess(port, database.env, database.config.auth.bcryptCost);
  try {
    await app.ready();
    const { token, userId } = await signIn(app, db);
    await db.query("UPDATE users SET role = 'admin' WHERE id = ?", [userId]);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const policy = (await (await fetch(`${app.baseUrl}/admin/policy`, { headers })).json()) as {
      weights: Json & { customerType: Record<string, number> };
      sla: unknown;
    };
    // A different candidate each run: the database is kept between runs.
    const enterprise = policy.weights.customerType.enterprise === 8 ? 9 : 8;
    const weights = { ...policy.weights, customerType: { enterprise, paid: 3, free: 1 } };
    const preview = await timePreviews(app, headers, weights);
    const [{ events }] = await db.query(
      "SELECT COUNT(*) AS events FROM ticket_events WHERE type = 'policy_rescored'",
    );
    const reason = `Benchmark: enterprise weighs ${enterprise}`;
    const seconds = await timeRescore(app, headers, { weights, sla: policy.sla, reason });
    const [{ left }] = await db.query(
      'SELECT COUNT(*) AS left FROM tickets WHERE policy_version < (SELECT MAX(version) FROM policy_versions)',
    );
    const [{ after }] = await db.query(
      "SELECT COUNT(*) AS after FROM ticket_events WHERE type = 'policy_rescored'",
    );
    return {
      engine: database.engine,
      active,
      preview,
      rescore: { seconds, left: Number(left), levelChanges: Number(after) - Number(events) },
      load: [loadBefore, loadavg()[0]],
    };
  } finally {
    await app.stop();
    await db.destroy();
  }
}

async function main() {
  const database = await prepareDatabase('sqlite', POLICY_TICKETS, undefined);
  const result = await runPolicyCase(database, Number(process.env.BENCH_PORT ?? 3981));
  console.log(JSON.stringify(result, null, 2));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
