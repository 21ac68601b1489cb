import { Logger } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';

/** Each try returns at once; the wait is ours, so no query outlives DB_QUERY_TIMEOUT_MS. */
const LOCK_TRY_SECONDS = 0;
const LOCK_POLL_MS = 200;
/** How long an instance waits for another one's migrations before it gives up (and restarts). */
export const MIGRATION_LOCK_WAIT_MS = 600_000;

/** One name per database: instances of other databases on the same server do not wait. */
const LOCK_NAME = "CONCAT('tps_migrations:', DATABASE())";

async function acquire(runner: QueryRunner, logger: Logger): Promise<void> {
  const deadline = Date.now() + MIGRATION_LOCK_WAIT_MS;
  let waited = false;
  for (;;) {
    const [row] = (await runner.query(`SELECT GET_LOCK(${LOCK_NAME}, ?) AS locked`, [
      LOCK_TRY_SECONDS,
    ])) as Array<{ locked: number | string | null }>;
    if (Number(row.locked) === 1) return;
    if (Date.now() > deadline) {
      throw new Error(`another instance held the migration lock for ${MIGRATION_LOCK_WAIT_MS} ms`);
    }
    if (!waited) logger.log('another instance is migrating the database: waiting for it');
    waited = true;
    await new Promise((done) => setTimeout(done, LOCK_POLL_MS));
  }
}

/**
 * Runs pending migrations once however many instances start together. On MySQL the instances
 * take turns on a named lock (GET_LOCK, held by one pooled connection and released when it
 * closes, so a crashed instance never leaves it taken): the first migrates, the others wait,
 * then find nothing pending. The wait polls in short tries so no single query outlives
 * DB_QUERY_TIMEOUT_MS. SQLite is one file of one process.
 */
export async function runMigrationsOnce(dataSource: DataSource): Promise<void> {
  const logger = new Logger('Migrations');
  if (dataSource.options.type !== 'mysql') {
    await dataSource.runMigrations();
    return;
  }
  const runner = dataSource.createQueryRunner();
  try {
    await acquire(runner, logger);
    try {
      const applied = await dataSource.runMigrations();
      if (applied.length > 0) logger.log(`applied ${applied.length} migrations`);
    } finally {
      await runner.query(`SELECT RELEASE_LOCK(${LOCK_NAME})`);
    }
  } finally {
    await runner.release();
  }
}
