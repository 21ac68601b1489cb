import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { format, resolveConfig } from 'prettier';

import { prepareDatabase, type BenchDatabase, type Engine } from './bench-databases';
import {
  bareHttp,
  mysqlInsertCeiling,
  rawBcrypt,
  sqliteInsertCeiling,
  type InsertCeiling,
} from './ceilings';
import type { Load } from './load';
import { renderReport, type Ceilings } from './report';
import { NEW_TICKET, runScenario, type Scenario } from './scenarios';

// The bench is a tool, not the app: it reads its own knobs here.
const env = process.env;
const ENGINES = (env.BENCH_ENGINES ?? 'sqlite,mysql').split(',') as Engine[];
const SIZES = (env.BENCH_SIZES ?? '10000,1000000').split(',').map(Number);
const SECONDS = Number(env.BENCH_SECONDS ?? 8);
const MYSQL_URL = env.BENCH_MYSQL_URL ?? env.TEST_DATABASE_URL ?? env.DATABASE_URL;
const PORT = Number(env.BENCH_PORT ?? 3970);

const log = (message: string) => process.stdout.write(`[bench] ${message}\n`);
const show = (name: string, load: Load) =>
  log(
    `  ${name}: ${load.rps.toFixed(0)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms${load.failures ? `, ${load.failures} failures` : ''}`,
  );

async function insertCeiling(database: BenchDatabase, userId: number): Promise<InsertCeiling> {
  if (database.config.database.type === 'sqlite') {
    return sqliteInsertCeiling(database.config.database.path, userId, SECONDS);
  }
  const { url, poolSize } = database.config.database;
  return mysqlInsertCeiling(url, poolSize, userId, SECONDS);
}

async function main() {
  const started = Date.now();
  const scenarios: Scenario[] = [];
  const inserts: Partial<Record<Engine, InsertCeiling>> = {};
  const seeding: { engine: Engine; size: number; seconds: number; reused: boolean }[] = [];
  const skipped: string[] = [];
  let bcryptCost = 12;
  for (const engine of ENGINES) {
    for (const size of SIZES) {
      log(`${engine}, ${size} tickets: preparing`);
      let database: BenchDatabase;
      try {
        database = await prepareDatabase(engine, size, MYSQL_URL);
      } catch (error) {
        skipped.push(`${engine} at ${size}: ${(error as Error).message}`);
        log(`  skipped: ${(error as Error).message}`);
        continue;
      }
      bcryptCost = database.config.auth.bcryptCost;
      seeding.push({ engine, size, seconds: database.seedSeconds, reused: database.reused });
      const withLogin = size === SIZES[0];
      const scenario = await runScenario(database, PORT, SECONDS, withLogin);
      scenarios.push(scenario);
      for (const key of [
        'firstPage',
        'deepCursor',
        'deepOffset',
        'post',
        'login',
        'healthDuringLogin',
      ] as const) {
        const load = scenario[key];
        if (load) show(key, load);
      }
      log(
        `  max RSS ${scenario.maxRssMb.toFixed(0)} MB; by phase ${JSON.stringify(scenario.rssByPhase)}`,
      );
      if (size === SIZES[0]) {
        inserts[engine] = await insertCeiling(database, scenario.bareInsertUserId);
        log(`  bare inserts: ${JSON.stringify(inserts[engine])}`);
      }
    }
  }
  log('ceilings: bare node:http and raw bcrypt');
  const ceilings: Ceilings = {
    bareHttp: await bareHttp(PORT + 1, SECONDS, NEW_TICKET),
    bcryptPerSecond: await rawBcrypt(bcryptCost, SECONDS),
    bcryptCost,
    inserts,
  };
  show('bare node:http POST', ceilings.bareHttp);
  log(`  raw bcrypt at cost ${bcryptCost}: ${ceilings.bcryptPerSecond.toFixed(1)}/s`);
  const report = renderReport({
    scenarios,
    ceilings,
    seeding,
    skipped,
    seconds: SECONDS,
    totalSeconds: (Date.now() - started) / 1000,
  });
  // Formatted like every other file, so `prettier --check .` stays green after a run.
  const target = join(__dirname, '..', 'docs', 'benchmarks.md');
  const options = await resolveConfig(target);
  writeFileSync(target, await format(report, { ...options, filepath: target }));
  log(`wrote docs/benchmarks.md in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
