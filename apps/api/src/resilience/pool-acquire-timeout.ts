import type { DataSource } from 'typeorm';

import { DatabaseUnavailableError } from './database-faults';

type Callback = (error: Error | null, connection?: { release(): void }) => void;
interface Pool {
  getConnection(callback: Callback): void;
}

/**
 * mysql2 has no acquire timeout: a request waits in the pool's queue for as long as the
 * database takes to (not) answer. This bounds that wait; a connection that turns up after
 * its caller gave up goes straight back to the pool.
 */
export function limitPoolAcquireWait(dataSource: DataSource, timeoutMs: number): void {
  const pool = (dataSource.driver as unknown as { pool?: Pool }).pool;
  if (!pool) return;
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback: Callback) => {
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      callback(new DatabaseUnavailableError(`no database connection within ${timeoutMs} ms`));
    }, timeoutMs);
    getConnection((error, connection) => {
      clearTimeout(timer);
      if (!gaveUp) return callback(error, connection);
      if (!error) connection?.release();
    });
  };
}
