import 'reflect-metadata';

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
import { POLICY_TICKETS, runPolicyCase, type PolicyCase } from './policy';
import {
  POLICY_END,
  POLICY_START,
  renderPolicySection,
  sectionOf,
  withSection,
} from './policy-report';
import { renderReport, type Ceilings, type ReportInput } from './report';
import {
  renderReportsSection,
  runReportsCase,
  withReportsSection,
  type ReportsCase,
} from './reports';
import { NEW_TICKET, runScenario, type Scenario } from './scenarios';

// The bench is a tool, not the app: it reads its own knobs here.
const env = process.env;
const ENGINES = (env.BENCH_ENGINES ?? 'sqlite,mysql').split(',') as Engine[];
const SIZES = (env.BENCH_SIZES ?? '10000,1000000').split(',').map(Number);
const SECONDS = Number(env.BENCH_SECONDS ?? 8);
const MYSQL_URL = env.BENCH_MYSQL_URL ?? env.TEST_DATABASE_URL ?? env.DATABASE_URL;
const PORT = Number(env.BENCH_PORT ?? 3970);
/**
 * `queue` (pages, POST, login, ceilings), `reports` (summary and export at the largest size) and
 * `policy` (preview and re-score at 100,000 active tickets, on a database of its own).
 */
const CASES = (env.BENCH_CASES ?? 'queue,reports,policy').split(',');
/** The cases that run on each of BENCH_SIZES. */
const SIZED = CASES.includes('queue') || CASES.includes('reports');
const TARGET = join(__dirname, '..', 'docs', 'benchmarks.md');

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
  const reports: ReportsCase[] = [];
  let bcryptCost = 12;
  for (const engine of SIZED ? ENGINES : []) {
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
      if (CASES.includes('reports') && size === Math.max(...SIZES)) {
        const result = await runReportsCase(database, PORT, SECONDS);
        reports.push(result);
        show('90-day summary', result.summary);
        log(`  export: ${JSON.stringify(result.export)}`);
      }
      if (!CASES.includes('queue')) continue;
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
  const policy = CASES.includes('policy') ? await policyCases(skipped) : [];
  const previous = existsSync(TARGET) ? readFileSync(TARGET, 'utf8') : '';
  let markdown = previous;
  if (CASES.includes('queue')) {
    markdown = await queueReport(scenarios, inserts, bcryptCost, {
      seeding,
      skipped,
      totalSeconds: (Date.now() - started) / 1000,
    });
    // A queue-only run keeps the reports section of the last reports run.
    const kept = /<!-- reports-bench:start -->[\s\S]*<!-- reports-bench:end -->/.exec(previous);
    if (kept && reports.length === 0) markdown = withReportsSection(markdown, kept[0]);
  }
  if (reports.length > 0) {
    const command =
      `BENCH_CASES=${CASES.join(',')} BENCH_ENGINES=${ENGINES.join(',')} ` +
      `BENCH_SIZES=${SIZES.join(',')} TEST_DATABASE_URL=mysql://user:pass@127.0.0.1:3306/tps_dev npm run bench`;
    markdown = withReportsSection(markdown, renderReportsSection(reports, command, new Date()));
  }
  // Any run keeps the policy section of the last policy run, or writes its own.
  const keptPolicy = sectionOf(previous, POLICY_START, POLICY_END);
  const policySection =
    policy.length > 0
      ? renderPolicySection(
          policy,
          `BENCH_CASES=policy BENCH_ENGINES=${ENGINES.join(',')} npm run bench`,
          new Date(),
        )
      : keptPolicy;
  if (policySection) markdown = withSection(markdown, policySection, POLICY_START, POLICY_END);
  // Formatted like every other file, so `prettier --check .` stays green after a run.
  const options = await resolveConfig(TARGET);
  writeFileSync(TARGET, await format(markdown, { ...options, filepath: TARGET }));
  log(`wrote docs/benchmarks.md in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
}

async function policyCases(skipped: string[]): Promise<PolicyCase[]> {
  const cases: PolicyCase[] = [];
  for (const engine of ENGINES) {
    log(`${engine}, policy case at ${POLICY_TICKETS} active tickets: preparing`);
    try {
      const database = await prepareDatabase(engine, POLICY_TICKETS, MYSQL_URL);
      const result = await runPolicyCase(database, PORT);
      cases.push(result);
      log(
        `  preview: ${JSON.stringify(result.preview)}; re-score: ${JSON.stringify(result.rescore)}`,
      );
    } catch (error) {
      skipped.push(`policy on ${engine}: ${(error as Error).message}`);
      log(`  skipped: ${(error as Error).message}`);
    }
  }
  return cases;
}

async function queueReport(
  scenarios: Scenario[],
  inserts: Partial<Record<Engine, InsertCeiling>>,
  bcryptCost: number,
  run: { seeding: ReportInput['seeding']; skipped: string[]; totalSeconds: number },
): Promise<string> {
  log('ceilings: bare node:http and raw bcrypt');
  const ceilings: Ceilings = {
    bareHttp: await bareHttp(PORT + 1, SECONDS, NEW_TICKET),
    bcryptPerSecond: await rawBcrypt(bcryptCost, SECONDS),
    bcryptCost,
    inserts,
  };
  show('bare node:http POST', ceilings.bareHttp);
  log(`  raw bcrypt at cost ${bcryptCost}: ${ceilings.bcryptPerSecond.toFixed(1)}/s`);
  return renderReport({ scenarios, ceilings, ...run, seconds: SECONDS });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
