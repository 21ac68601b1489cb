import 'reflect-metadata';

import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from '../apps/api/src/database/database-options';
import { AppProcess } from './app-process';
import { prepareDatabase, type Engine } from './bench-databases';
import { summarizeProfile, type ProfileLine } from './cpu-profile';
import { measure } from './load';
import { caughtUp, NEW_TICKET, PAGE_SIZE, signIn, subscribeWebhook } from './scenarios';

// A tool, not the app: it reads its own knobs (npm run bench:profile).
const env = process.env;
const ENGINE = (env.BENCH_ENGINES ?? 'sqlite').split(',')[0] as Engine;
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const PORT = Number(env.BENCH_PORT ?? 3970);
const MYSQL_URL = env.BENCH_MYSQL_URL ?? env.TEST_DATABASE_URL ?? env.DATABASE_URL;
const CASES = (env.PROFILE_CASES ?? 'post,list').split(',');
/** Extra node flags after production's, e.g. another heap limit to compare (later flags win). */
const EXTRA_FLAGS = (env.PROFILE_NODE_FLAGS ?? '').split(' ').filter(Boolean);

const pct = (line: ProfileLine) => `${(line.share * 100).toFixed(1).padStart(5)} %  ${line.name}`;

/** Signs in, waits for the catch-up, warms up, then measures one load; `mark` starts the window. */
async function underLoad(app: AppProcess, db: DataSource, name: string, mark: () => void) {
  await caughtUp(db);
  const { token } = await signIn(app, db);
  await subscribeWebhook(app, db, token);
  const load =
    name === 'post'
      ? { url: `${app.baseUrl}/tickets`, method: 'POST' as const, body: NEW_TICKET }
      : { url: `${app.baseUrl}/tickets?limit=${PAGE_SIZE}` };
  await measure({ ...load, seconds: 2, token });
  // Only the measured window counts: start-up, catch-up and warm-up are left out.
  mark();
  return (await measure({ ...load, seconds: SECONDS, token })).rps;
}

/** One app process under one load, with `--cpu-prof`; prints where its CPU went. */
async function profileCase(name: string) {
  const database = await prepareDatabase(ENGINE, 10_000, MYSQL_URL);
  const dir = mkdtempSync(join(tmpdir(), `tps-profile-${name}-`));
  const db = new DataSource({ ...buildDataSourceOptions(database.config.database) });
  await db.initialize();
  const flags = ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...EXTRA_FLAGS];
  const app = new AppProcess(PORT, database.env, database.config.auth.bcryptCost, flags);
  let rps = 0;
  let skipMs = 0;
  try {
    const readySeconds = await app.ready();
    // `start`: start-up alone, from the spawn to the first healthy answer.
    if (name === 'start') rps = readySeconds;
    else rps = await underLoad(app, db, name, () => (skipMs = Date.now() - app.startedAt));
  } finally {
    await app.stop();
    await db.destroy();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const summary = summarizeProfile(join(dir, file), skipMs);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const figure = name === 'start' ? `ready in ${rps.toFixed(2)} s` : `${rps.toFixed(0)} req/s`;
  out(
    `\n## ${name} on ${ENGINE}: ${figure} under --cpu-prof ${EXTRA_FLAGS.join(' ')}; ${join(dir, file)}`,
  );
  out(
    `busy CPU in the profile: ${(summary.totalMs / 1000).toFixed(1)} s (${name === 'start' ? 'start-up and shutdown' : 'the measured window only'})`,
  );
  out('\n### self time by package');
  summary.selfByPackage.forEach((line) => out(pct(line)));
  out('\n### self time by function');
  summary.selfByFunction.forEach((line) => out(pct(line)));
  out('\n### total (inclusive) time by function');
  summary.totalByFunction.forEach((line) => out(pct(line)));
}

async function main() {
  for (const name of CASES) await profileCase(name);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
