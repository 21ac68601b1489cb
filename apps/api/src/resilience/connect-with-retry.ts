import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, type DataSourceOptions } from 'typeorm';

import type { DatabaseTimeouts } from '../config';
import { runMigrationsOnce } from '../database/migrate-once';
import { isDatabaseUnavailable } from './database-faults';
import { boundPoolWaits } from './bounded-pool';

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5_000;

/** Thrown when the database stayed unreachable for the whole start-up budget. */
export class DatabaseStartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseStartupError';
  }
}

async function discard(dataSource: DataSource): Promise<void> {
  try {
    if (dataSource.isInitialized) await dataSource.destroy();
    else await dataSource.driver.disconnect();
  } catch {
    // Nothing was open, or it is already gone.
  }
}

/**
 * Connects (and runs pending migrations), retrying an unreachable database with exponential
 * backoff until `timeouts.startupMs` has passed; then gives up with one clear message so the
 * process exits non-zero and the platform restarts it. Other errors (bad credentials, a
 * failing migration) are not retried.
 */
export async function initializeWithRetry(
  options: DataSourceOptions,
  timeouts: DatabaseTimeouts,
): Promise<DataSource> {
  const logger = new Logger('Database');
  const deadline = Date.now() + timeouts.startupMs;
  let delayMs = FIRST_DELAY_MS;
  for (let attempt = 1; ; attempt++) {
    // Migrations run here, under a lock, rather than inside initialize() (migrationsRun).
    const dataSource = new DataSource({ ...options, migrationsRun: false });
    try {
      await dataSource.initialize();
      if (options.migrationsRun) await runMigrationsOnce(dataSource);
      boundPoolWaits(dataSource, timeouts);
      return dataSource;
    } catch (error) {
      await discard(dataSource);
      if (!isDatabaseUnavailable(error)) throw error;
      const reason = (error as Error).message || String((error as { code?: string }).code);
      if (Date.now() + delayMs > deadline) {
        throw new DatabaseStartupError(
          `the database was unreachable for ${Math.round(timeouts.startupMs / 1000)} s ` +
            `(${attempt} attempts, last error: ${reason}); giving up`,
        );
      }
      logger.warn(
        `database not reachable (attempt ${attempt}: ${reason}); retrying in ${delayMs} ms`,
      );
      await sleep(delayMs);
      delayMs = Math.min(delayMs * 2, MAX_DELAY_MS);
    }
  }
}
