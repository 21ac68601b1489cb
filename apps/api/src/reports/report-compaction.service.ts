import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { DELTA_TABLES, SLOT_COUNTS } from '../../../../migrations/report-aggregates-sql';
import { Transactions } from '../database/transactions';
import { DueWorkRunner, type DueJob } from '../due-work/due-work.runner';

export const REPORT_COMPACTION_JOB = 'report-compaction';
/** Often enough that the summary's read of the pending changes stays a few hundred rows. */
const COMPACTION_INTERVAL_MS = 1_000;
/** Changes folded per pass and table, so one transaction stays short. */
const BATCH = 5_000;

type Aggregate = keyof typeof DELTA_TABLES;

const TARGETS: Record<Aggregate, { keys: string[]; counts: string[] }> = {
  report_slots: { keys: ['slot', 'level'], counts: SLOT_COUNTS },
  report_duration_days: { keys: ['day', 'metric', 'level', 'bin'], counts: ['n'] },
};

/**
 * Folds the changes MySQL's triggers append (`report_slot_deltas`, `report_duration_deltas`,
 * migrations/report-aggregates-sql.ts) into the report aggregates. Each pass, per table, in one
 * transaction: lock the oldest changes nobody else holds (`FOR UPDATE SKIP LOCKED`: a writer's
 * uncommitted change, or one another instance is folding, waits for a later pass), add their
 * sums to the aggregate rows, delete exactly those changes. A committed change is in the
 * aggregate or among the pending ones, never both and never neither, so a summary reading both
 * in one snapshot is exact, with any number of instances folding. On SQLite a pass does nothing.
 */
@Injectable()
export class ReportCompactionService implements DueJob, OnModuleInit {
  readonly name = REPORT_COMPACTION_JOB;

  /** SQLite's triggers upsert the aggregates directly: there is never anything to fold. */
  private readonly pendingChanges: boolean;

  constructor(
    private readonly transactions: Transactions,
    private readonly runner: DueWorkRunner,
    dataSource: DataSource,
  ) {
    this.pendingChanges = dataSource.options.type === 'mysql';
  }

  onModuleInit(): void {
    this.runner.register(this, COMPACTION_INTERVAL_MS);
  }

  async runDue(): Promise<number> {
    if (!this.pendingChanges) return 0;
    let folded = 0;
    for (const aggregate of Object.keys(TARGETS) as Aggregate[]) {
      folded += await this.transactions.runContended((manager) => fold(manager, aggregate));
    }
    return folded;
  }
}

async function fold(manager: EntityManager, aggregate: Aggregate): Promise<number> {
  const { keys, counts } = TARGETS[aggregate];
  const deltas = DELTA_TABLES[aggregate];
  const rows = await manager.query<Record<string, number | string>[]>(
    `SELECT id, ${[...keys, ...counts].join(', ')} FROM ${deltas} ORDER BY id LIMIT ${BATCH} ` +
      'FOR UPDATE SKIP LOCKED',
  );
  if (rows.length === 0) return 0;
  const sums = new Map<string, Record<string, number | string>>();
  for (const row of rows) {
    const id = keys.map((key) => row[key]).join('|');
    const sum = sums.get(id) ?? Object.fromEntries(keys.map((key) => [key, row[key]]));
    for (const count of counts) sum[count] = Number(sum[count] ?? 0) + Number(row[count]);
    sums.set(id, sum);
  }
  const columns = [...keys, ...counts];
  const values = [...sums.values()];
  const add = counts.map((c) => `${c} = ${aggregate}.${c} + VALUES(${c})`);
  await manager.query(
    `INSERT INTO ${aggregate} (${columns.join(', ')}) VALUES ` +
      `${values.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')} ` +
      `ON DUPLICATE KEY UPDATE ${add.join(', ')}`,
    values.flatMap((sum) => columns.map((column) => sum[column] ?? 0)),
  );
  const ids = rows.map((row) => Number(row.id));
  await manager.query(`DELETE FROM ${deltas} WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
  return rows.length;
}
