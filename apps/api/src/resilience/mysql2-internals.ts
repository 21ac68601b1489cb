/**
 * The parts of mysql2 3.x's pool and connection this service relies on. They are internals
 * (underscored), stable across the 3.x line; `test/ops/silent-database.e2e-spec.ts` and
 * `test/ops/database-faults.e2e-spec.ts` fail if a release changes them.
 */
export type ResultCallback = (error: Error | null, ...results: unknown[]) => void;

export interface RingQueue<T> {
  length: number;
  get(index: number): T;
  removeOne(index: number): void;
  shift(): T | undefined;
}

export interface QueuedCommand {
  onResult?: ResultCallback;
}

export interface PooledConnection {
  query(sql: unknown, values?: unknown, callback?: unknown): unknown;
  destroy(): void;
  release(): void;
  stream?: { destroy(): void };
  lastActiveTime?: number;
  /** Commands waiting behind the running one; their own timers only start when they run. */
  _commands?: RingQueue<QueuedCommand>;
}

export type AcquireCallback = (error: Error | null, connection?: PooledConnection) => void;

export interface Mysql2Pool {
  getConnection(callback: AcquireCallback): void;
  end(callback?: (error?: Error | null) => void): void;
  on(event: 'connection', listener: (connection: PooledConnection) => void): void;
  _allConnections: RingQueue<PooledConnection>;
  _freeConnections: RingQueue<PooledConnection>;
  _connectionQueue: RingQueue<AcquireCallback>;
}

/** Removes `item` from a mysql2 queue, if it is there. */
export function removeFrom<T>(queue: RingQueue<T>, item: T): void {
  for (let i = 0; i < queue.length; i++) {
    if (queue.get(i) === item) {
      queue.removeOne(i);
      return;
    }
  }
}

export function itemsOf<T>(queue: RingQueue<T>): T[] {
  return Array.from({ length: queue.length }, (_, i) => queue.get(i));
}
