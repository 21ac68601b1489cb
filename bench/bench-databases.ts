import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';

import { buildConfig, type AppConfig } from '../apps/api/src/config';
import { openDatabase, recordSlaPolicy, seedTickets } from './seed';

export type Engine = 'sqlite' | 'mysql';

export interface BenchDatabase {
  engine: Engine;
  size: number;
  /** Environment that points the app at it. */
  env: Record<string, string>;
  config: AppConfig;
  seedSeconds: number;
  reused: boolean;
}

const BENCH_DIR = join(__dirname, '..', 'data', 'bench');
const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}m` : `${size / 1000}k`);

function envFor(
  engine: Engine,
  size: number,
  mysqlUrl: string | undefined,
): Record<string, string> {
  if (engine === 'sqlite') return { SQLITE_PATH: join(BENCH_DIR, `tickets-${label(size)}.sqlite`) };
  if (!mysqlUrl) throw new Error('set BENCH_MYSQL_URL (or TEST_DATABASE_URL) to bench MySQL');
  const url = new URL(mysqlUrl);
  url.pathname = `/${url.pathname.slice(1)}_bench_${label(size)}`;
  return { DATABASE_URL: url.toString() };
}

async function countTickets(db: DataSource): Promise<number> {
  const [row] = await db.query('SELECT COUNT(*) AS n FROM tickets');
  return Number(row.n);
}

async function recreate(engine: Engine, env: Record<string, string>) {
  if (engine === 'sqlite') {
    rmSync(env.SQLITE_PATH, { force: true });
    rmSync(`${env.SQLITE_PATH}-wal`, { force: true });
    rmSync(`${env.SQLITE_PATH}-shm`, { force: true });
    return;
  }
  const url = new URL(env.DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/';
  const connection = await createConnection({ uri: url.toString() });
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(
    `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await connection.end();
}

/**
 * A database holding `size` tickets. Small ones are rebuilt each run (benchmarks add rows);
 * a large one is kept between runs when it still holds between 1x and 1.2x `size`.
 */
export async function prepareDatabase(
  engine: Engine,
  size: number,
  mysqlUrl: string | undefined,
): Promise<BenchDatabase> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const env = envFor(engine, size, mysqlUrl);
  const config = buildConfig({
    NODE_ENV: 'production',
    JWT_SECRET: 'x'.repeat(48),
    METRICS_PUBLIC: 'true',
    ...env,
  });
  let db = await openDatabase(config).catch(async () => {
    await recreate(engine, env);
    return openDatabase(config);
  });
  const existing = await countTickets(db);
  const keep = size >= 100_000 && existing >= size && existing <= size * 1.2;
  const started = Date.now();
  if (!keep) {
    await db.destroy();
    await recreate(engine, env);
    db = await openDatabase(config);
    process.stdout.write(`seeding ${size} tickets into ${engine}\n`);
    await seedTickets(db, config, { tickets: size, progress: process.stdout.isTTY });
  }
  // A database seeded before the seed recorded it (its catch-up is waited for in the scenario).
  await recordSlaPolicy(db, config);
  await db.destroy();
  return {
    engine,
    size,
    env,
    config,
    seedSeconds: keep ? 0 : (Date.now() - started) / 1000,
    reused: keep,
  };
}
