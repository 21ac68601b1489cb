import type { MigrationInterface, QueryRunner } from 'typeorm';

import {
  dropTriggers,
  fillReads,
  reportTriggers,
  SLOT_COUNTS,
  type Dialect,
} from './report-aggregates-sql';

const dialectOf = (queryRunner: QueryRunner): Dialect =>
  queryRunner.dataSource.options.type === 'mysql' ? 'mysql' : 'sqlite';
/** Rows per fill read and per INSERT: each statement stays well inside DB_QUERY_TIMEOUT_MS. */
const ID_SLICE = 25_000;
const ROWS_PER_INSERT = 500;

/**
 * Pre-aggregated report figures (docs/reports.md, "How it stays fast"), kept by triggers in the
 * statement, hence the transaction, of every write that moves them, then filled from the rows
 * already there, so an upgraded deployment's reports stay true.
 *
 * - `report_slots`: per 15-minute UTC slot and level at creation, tickets created, and resolved
 *   (in the slot of their `resolved_at`); per slot, with the level '', escalations, overrides
 *   and SLA breaches (in the slot of the breached target's due instant).
 * - `report_duration_days`: per UTC day of creation, metric and level, how many tickets' first
 *   response or resolution took a duration in each bin (apps/api/src/reports/duration-bins.ts).
 *
 * Triggers rather than application code: every writer is covered (the API, imports, the bench
 * seeder's bulk INSERTs, a fix by hand), and the counters move in the same statement as the row,
 * so a rollback takes both back and concurrent writers add up (docs/decisions.md).
 */
export class ReportAggregates1768500000000 implements MigrationInterface {
  name = 'ReportAggregates1768500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    const int = dialect === 'mysql' ? 'INT' : 'INTEGER';
    const counts = SLOT_COUNTS.map((name) => `${name} ${int} NOT NULL DEFAULT 0`);
    // MySQL commits each DDL statement: an attempt stopped half-way (error 1419 when the user may
    // not create triggers, docs/operations.md) leaves tables behind, so a retry starts over.
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS report_slots (slot ${int} NOT NULL, level VARCHAR(2) NOT NULL, ` +
        `${counts.join(', ')}, PRIMARY KEY (slot, level))`,
    );
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS report_duration_days (day ${int} NOT NULL, metric VARCHAR(16) NOT NULL, ` +
        `level VARCHAR(2) NOT NULL, bin ${int} NOT NULL, n ${int} NOT NULL DEFAULT 0, ` +
        'PRIMARY KEY (day, metric, level, bin))',
    );
    // Triggers, then the fill. On SQLite both happen under the migration's write lock. MySQL
    // commits DDL at once: a write by an older instance during the fill would count twice, so
    // upgrade with the old version stopped (migrations run once, before the app serves).
    for (const statement of dropTriggers()) await queryRunner.query(statement);
    await queryRunner.query('DELETE FROM report_slots');
    await queryRunner.query('DELETE FROM report_duration_days');
    for (const statement of reportTriggers(dialect)) await queryRunner.query(statement);
    await fill(queryRunner, dialect);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropTriggers()) await queryRunner.query(statement);
    await queryRunner.query('DROP TABLE report_duration_days');
    await queryRunner.query('DROP TABLE report_slots');
  }
}

type Row = Record<string, number | string>;

/** Adds up every share of the existing rows slice by slice, then writes the sums. */
async function fill(queryRunner: QueryRunner, dialect: Dialect): Promise<void> {
  const sums = {
    report_slots: new Map<string, Row>(),
    report_duration_days: new Map<string, Row>(),
  };
  const keysOf = {
    report_slots: ['slot', 'level'],
    report_duration_days: ['day', 'metric', 'level', 'bin'],
  };
  for (const read of fillReads(dialect)) {
    const [{ last }] = (await queryRunner.query(
      `SELECT COALESCE(MAX(id), 0) AS last FROM ${read.table}`,
    )) as { last: number | string }[];
    for (let from = 1; from <= Number(last); from += ID_SLICE) {
      const rows = (await queryRunner.query(read.sql, [from, from + ID_SLICE])) as Row[];
      for (const row of rows) {
        const keys = keysOf[read.target].map((key) => row[key]);
        const id = keys.join('|');
        const sum =
          sums[read.target].get(id) ??
          Object.fromEntries(keysOf[read.target].map((k, i) => [k, keys[i]]));
        sum[read.column] = Number(sum[read.column] ?? 0) + Number(row.n);
        sums[read.target].set(id, sum);
      }
    }
  }
  await write(
    queryRunner,
    'report_slots',
    [...keysOf.report_slots, ...SLOT_COUNTS],
    sums.report_slots,
  );
  await write(
    queryRunner,
    'report_duration_days',
    [...keysOf.report_duration_days, 'n'],
    sums.report_duration_days,
  );
}

async function write(
  queryRunner: QueryRunner,
  table: string,
  columns: string[],
  rows: Map<string, Row>,
) {
  const all = [...rows.values()];
  for (let i = 0; i < all.length; i += ROWS_PER_INSERT) {
    const batch = all.slice(i, i + ROWS_PER_INSERT);
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    await queryRunner.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => placeholders).join(', ')}`,
      batch.flatMap((row) => columns.map((column) => row[column] ?? 0)),
    );
  }
}
