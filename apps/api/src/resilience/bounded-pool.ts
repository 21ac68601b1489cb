import type { DataSource } from 'typeorm';

import type { DatabaseTimeouts } from '../config';
import { DatabaseUnavailableError } from './database-faults';
import {
  itemsOf,
  removeFrom,
  type AcquireCallback,
  type Mysql2Pool,
  type PooledConnection,
  type ResultCallback,
} from './mysql2-internals';

const discarded = new WeakSet<PooledConnection>();
const bounded = new WeakSet<PooledConnection>();

/** The error a query gets when the database did not answer in time (mapped to 503). */
function queryTimeout(timeoutMs: number): Error {
  return Object.assign(new Error(`Query inactivity timeout (no answer within ${timeoutMs} ms)`), {
    code: 'PROTOCOL_SEQUENCE_TIMEOUT',
    fatal: true,
  });
}

/**
 * Takes a connection out of the pool for good and frees its socket at once. mysql2's own
 * `destroy()` only half-closes the socket (a silent peer never answers the FIN) and leaves the
 * commands queued on it waiting forever; they fail here instead.
 */
export function discardConnection(connection: PooledConnection, error: Error): void {
  if (discarded.has(connection)) return;
  discarded.add(connection);
  const queued = connection._commands ? itemsOf(connection._commands) : [];
  while (connection._commands?.shift());
  connection.destroy();
  connection.stream?.destroy();
  for (const command of queued) command.onResult?.(error);
}

/**
 * Idle connections that have not been used since `since` went through the same outage as a
 * connection that just timed out, so they are dropped too rather than each costing a request
 * another timeout; the pool makes fresh ones on demand.
 */
function discardIdleSince(pool: Mysql2Pool, since: number, error: Error): void {
  for (const idle of itemsOf(pool._freeConnections)) {
    if ((idle.lastActiveTime ?? 0) <= since) discardConnection(idle, error);
  }
}

/**
 * Bounds every query from the moment it is issued (mysql2's own timeout only starts once the
 * command reaches the wire, so a command queued behind a dead one would wait forever). A
 * connection whose query timed out, or failed fatally, leaves the pool for good: its late
 * answer would otherwise be read as the reply to the next query.
 */
function boundQueries(pool: Mysql2Pool, connection: PooledConnection, timeoutMs: number): void {
  if (bounded.has(connection)) return;
  bounded.add(connection);
  const query = connection.query.bind(connection);
  connection.query = (sql: unknown, values?: unknown, callback?: unknown) => {
    const done = (typeof values === 'function' ? values : callback) as ResultCallback | undefined;
    if (!done) return query(sql, values, callback);
    const issuedAt = Date.now();
    let settled = false;
    const finish: ResultCallback = (error, ...results) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const failure = error as { fatal?: boolean; code?: string } | null;
      const timedOut = failure?.code === 'PROTOCOL_SEQUENCE_TIMEOUT';
      if (timedOut || failure?.fatal) discardConnection(connection, error!);
      if (timedOut) discardIdleSince(pool, issuedAt, error!);
      done(error, ...results);
    };
    const timer = setTimeout(() => finish(queryTimeout(timeoutMs)), timeoutMs);
    return typeof values === 'function' ? query(sql, finish) : query(sql, values, finish);
  };
}

/**
 * mysql2 has no acquire timeout: a request waits in the pool's queue for as long as the
 * database takes to (not) answer. This bounds that wait and takes the caller that gave up out
 * of the queue; a connection that still turns up goes straight back to the pool.
 */
function limitAcquireWait(pool: Mysql2Pool, timeoutMs: number): void {
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback: AcquireCallback) => {
    let gaveUp = false;
    const onConnection: AcquireCallback = (error, connection) => {
      clearTimeout(timer);
      if (!gaveUp) return callback(error, connection);
      if (!error) connection?.release();
    };
    const timer = setTimeout(() => {
      gaveUp = true;
      removeFrom(pool._connectionQueue, onConnection);
      callback(new DatabaseUnavailableError(`no database connection within ${timeoutMs} ms`));
    }, timeoutMs);
    getConnection(onConnection);
  };
}

/** Closing the pool sends each connection a QUIT; a silent one never answers it. */
function limitEndWait(pool: Mysql2Pool, timeoutMs: number): void {
  const end = pool.end.bind(pool);
  pool.end = (callback) => {
    let called = false;
    const finish = (error?: Error | null) => {
      if (called) return;
      called = true;
      clearTimeout(timer);
      callback?.(error);
    };
    const timer = setTimeout(() => {
      for (const connection of itemsOf(pool._allConnections)) connection.stream?.destroy();
      finish();
    }, timeoutMs);
    end(finish);
  };
}

/**
 * Bounds every wait on the mysql2 pool behind `dataSource` (docs/operations.md, "Database
 * faults"): acquiring, each query (transaction statements included), and closing. Connect is
 * bounded by mysql2's `connectTimeout`. SQLite has no pool and is left alone.
 */
export function boundPoolWaits(dataSource: DataSource, timeouts: DatabaseTimeouts): void {
  const pool = (dataSource.driver as unknown as { pool?: Mysql2Pool }).pool;
  if (!pool) return;
  limitAcquireWait(pool, timeouts.acquireMs);
  limitEndWait(pool, timeouts.connectMs);
  for (const connection of itemsOf(pool._allConnections)) {
    boundQueries(pool, connection, timeouts.queryMs);
  }
  pool.on('connection', (connection) => boundQueries(pool, connection, timeouts.queryMs));
}
