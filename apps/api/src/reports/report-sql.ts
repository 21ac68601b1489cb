import { PRIORITY_LEVELS, type PriorityLevel } from '@app/priority';
import type { DataSource, EntityManager } from 'typeorm';

import { DELTA_TABLES } from '../../../../migrations/report-aggregates-sql';
import { sqlDateTime } from '../tickets/ticket-rows';
import { SLOT_MS } from './report-range';

export const ACTIVE_STATUSES = ['open', 'in_progress', 'pending'] as const;

export type PerLevel = Record<PriorityLevel, number>;
export const zeroLevels = (): PerLevel => ({ P0: 0, P1: 0, P2: 0, P3: 0 });
export const isLevel = (value: unknown): value is PriorityLevel =>
  PRIORITY_LEVELS.includes(value as PriorityLevel);

/** SQL for the report queries that differ between the engines (epoch arithmetic). */
export class ReportSql {
  private readonly mysql: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly manager: EntityManager = dataSource.manager,
  ) {
    this.mysql = dataSource.options.type === 'mysql';
  }

  /**
   * Runs several reads against one state of the database. On MySQL, a REPEATABLE READ
   * transaction: every read sees the snapshot of the first, so a write committed meanwhile
   * cannot shift a rank between the histogram and the value read inside its bin. SQLite has
   * one connection per process, which a transaction would lend to concurrent writers; its
   * reads run as they come.
   */
  snapshot<T>(work: (sql: ReportSql) => Promise<T>): Promise<T> {
    if (!this.mysql) return work(this);
    return this.dataSource.transaction('REPEATABLE READ', (manager) =>
      work(new ReportSql(this.dataSource, manager)),
    );
  }

  /** Milliseconds since the epoch of a DATETIME(3) column, whatever the session time zone. */
  epochMs(column: string): string {
    return this.mysql
      ? `(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', ${column}) DIV 1000)`
      : `CAST(ROUND((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`;
  }

  /** The 15-minute UTC slot of a column (a bucket is always a whole number of them). */
  slot(column: string): string {
    return this.mysql
      ? `(${this.epochMs(column)} DIV ${SLOT_MS})`
      : `(${this.epochMs(column)} / ${SLOT_MS})`;
  }

  /** Names the index a query must walk, where the planner would rather sort a range. */
  useIndex(name: string): string {
    return this.mysql ? `FORCE INDEX (${name})` : `INDEXED BY "${name}"`;
  }

  query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    return this.manager.query(sql, parameters);
  }

  at(ms: number): string {
    return sqlDateTime(new Date(ms))!;
  }
}

/**
 * `select FROM aggregate rest`, then the same over the aggregate's pending changes (MySQL's
 * triggers append them, report-compaction.service.ts folds them in), as one statement: a
 * figure read this way is a sum, and its parameters are given twice.
 */
export function withPending(
  aggregate: keyof typeof DELTA_TABLES,
  select: string,
  rest: string,
): string {
  return `${select} FROM ${aggregate} ${rest} UNION ALL ${select} FROM ${DELTA_TABLES[aggregate]} ${rest}`;
}
