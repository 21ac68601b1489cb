import 'reflect-metadata';

import * as bcrypt from 'bcrypt';
import { createHash } from 'node:crypto';
import { SingleBar, Presets } from 'cli-progress';
import { DataSource } from 'typeorm';

import { compileSlaPolicy } from '@app/sla';

import { buildConfig, loadEnv, type AppConfig } from '../apps/api/src/config';
import { buildDataSourceOptions } from '../apps/api/src/database/database-options';
import { makeTicket, random, sqlTime, TICKET_COLUMNS } from './seed-data';

export const SEED_PASSWORD = 'seeded-password';
const ROWS_PER_INSERT = 500;
const INSERTS_PER_TRANSACTION = 20;

export interface SeedOptions {
  tickets: number;
  progress?: boolean;
  now?: Date;
}

async function ensureUsers(db: DataSource, config: AppConfig, now: Date): Promise<number[]> {
  const existing: { id: number }[] = await db.query(
    `SELECT id FROM users WHERE username LIKE 'seed.%' ORDER BY id`,
  );
  if (existing.length > 0) return existing.map((row) => row.id);
  const hash = await bcrypt.hash(SEED_PASSWORD, config.auth.bcryptCost);
  const names = ['seed.admin', ...Array.from({ length: 200 }, (_, i) => `seed.user${i}`)];
  for (const name of names) {
    const role =
      name === 'seed.admin' ? 'admin' : Number(name.slice(9)) < 20 ? 'agent' : 'reporter';
    await db.query(
      'INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)',
      [name, hash, role, sqlTime(now)],
    );
  }
  return ensureUsers(db, config, now);
}

/** Appends `count` tickets with batched multi-row inserts, several per transaction. */
export async function seedTickets(db: DataSource, config: AppConfig, options: SeedOptions) {
  const now = options.now ?? new Date();
  const userIds = await ensureUsers(db, config, now);
  const rand = random(options.tickets);
  const weights = config.priority.weights;
  const sla = compileSlaPolicy(config.sla.policy);
  const bar = new SingleBar({ etaBuffer: 50, fps: 5 }, Presets.shades_classic);
  if (options.progress) bar.start(options.tickets, 0);
  const placeholders = `(${TICKET_COLUMNS.map(() => '?').join(', ')})`;
  let written = 0;
  while (written < options.tickets) {
    await db.transaction(async (manager) => {
      for (let i = 0; i < INSERTS_PER_TRANSACTION && written < options.tickets; i++) {
        const rows = Math.min(ROWS_PER_INSERT, options.tickets - written);
        const values: unknown[] = [];
        for (let r = 0; r < rows; r++) values.push(...makeTicket(rand, now, userIds, weights, sla));
        await manager.query(
          `INSERT INTO tickets (${TICKET_COLUMNS.join(', ')}) VALUES ${Array(rows).fill(placeholders).join(', ')}`,
          values,
        );
        written += rows;
      }
    });
    if (options.progress) bar.update(written);
  }
  if (options.progress) bar.stop();
  await recordSlaPolicy(db, config);
  return written;
}

/**
 * Records the SLA policy the seeded columns were computed with, as the app does at its first
 * start (apps/api/src/sla/sla-policy-watch.ts). Without it the first start takes the seed for a
 * database written under another policy and makes every active ticket due at once: a catch-up of
 * the whole active queue, and at a million tickets on MySQL an UPDATE past the query budget.
 */
export async function recordSlaPolicy(db: DataSource, config: AppConfig): Promise<void> {
  const policy = compileSlaPolicy(config.sla.policy).policy;
  const fingerprint = createHash('sha256').update(JSON.stringify(policy)).digest('hex');
  const rows: unknown[] = await db.query(`SELECT 1 FROM app_settings WHERE name = 'sla_policy'`);
  if (rows.length > 0) return;
  await db.query(`INSERT INTO app_settings (name, value, updated_at) VALUES ('sla_policy', ?, ?)`, [
    fingerprint,
    sqlTime(new Date()),
  ]);
}

export async function openDatabase(config: AppConfig): Promise<DataSource> {
  const db = new DataSource({ ...buildDataSourceOptions(config.database), migrationsRun: true });
  await db.initialize();
  await db.runMigrations();
  return db;
}

function ticketsArgument(argv: string[]): number {
  const index = argv.indexOf('--tickets');
  const raw = index >= 0 ? argv[index + 1] : '10000';
  const count = Number(raw?.replace(/_/g, ''));
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new Error(`--tickets must be a positive whole number, not ${raw}`);
  }
  return count;
}

async function main() {
  const count = ticketsArgument(process.argv.slice(2));
  const config = buildConfig(loadEnv());
  const db = await openDatabase(config);
  const started = Date.now();
  try {
    await seedTickets(db, config, { tickets: count, progress: true });
  } finally {
    await db.destroy();
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `Seeded ${count} tickets into ${config.database.type} in ${seconds.toFixed(1)} s ` +
      `(${Math.round(count / seconds)}/s). Users seed.admin, seed.user0-19 (agents) and ` +
      `seed.user20-199 (reporters) sign in with "${SEED_PASSWORD}".`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
