import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createConnection } from 'mysql2/promise';

/** A database an e2e suite runs against: a fresh SQLite file, or a fresh MySQL schema. */
export interface TestDatabase {
  kind: 'sqlite' | 'mysql';
  /** Environment variables that point the app at it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export type DatabaseKind = TestDatabase['kind'];

/** SQLite always; MySQL as well when `TEST_DATABASE_URL` names a server. */
export function databaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'mysql'] : ['sqlite'];
}

function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'tps-e2e-'));
  return {
    kind: 'sqlite',
    env: { SQLITE_PATH: join(dir, 'tickets.sqlite') },
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/**
 * Each suite gets its own schema next to the one in `TEST_DATABASE_URL`, so suites can run in
 * parallel and always start empty. The user needs CREATE/DROP on `<name>_%`.
 */
async function createMysqlDatabase(baseUrl: string): Promise<TestDatabase> {
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1)}_${randomBytes(4).toString('hex')}`;
  const admin = () =>
    createConnection({ uri: `${url.protocol}//${url.username}:${url.password}@${url.host}/` });
  const connection = await admin();
  await connection.query(
    `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await connection.end();
  const databaseUrl = new URL(baseUrl);
  databaseUrl.pathname = `/${name}`;
  return {
    kind: 'mysql',
    env: { DATABASE_URL: databaseUrl.toString() },
    drop: async () => {
      const c = await admin();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') return createSqliteDatabase();
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  return createMysqlDatabase(baseUrl);
}
