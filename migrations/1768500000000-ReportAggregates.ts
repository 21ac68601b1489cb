import type { MigrationInterface, QueryRunner } from 'typeorm';

import { backfill, dropTriggers, reportTriggers, type Dialect } from './report-aggregates-sql';

const dialectOf = (queryRunner: QueryRunner): Dialect =>
  queryRunner.dataSource.options.type === 'mysql' ? 'mysql' : 'sqlite';

const SLOT_COUNTS = [
  'created',
  'resolved',
  'escalations',
  'overrides',
  'first_response_breaches',
  'resolution_breaches',
];

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
    await queryRunner.query(
      `CREATE TABLE report_slots (slot ${int} NOT NULL, level VARCHAR(2) NOT NULL, ` +
        `${counts.join(', ')}, PRIMARY KEY (slot, level))`,
    );
    await queryRunner.query(
      `CREATE TABLE report_duration_days (day ${int} NOT NULL, metric VARCHAR(16) NOT NULL, ` +
        `level VARCHAR(2) NOT NULL, bin ${int} NOT NULL, n ${int} NOT NULL DEFAULT 0, ` +
        'PRIMARY KEY (day, metric, level, bin))',
    );
    // Triggers, then the fill. On SQLite both happen under the migration's write lock. MySQL
    // commits DDL at once: a write by an older instance between the two would count twice, so
    // upgrade with the old version stopped (migrations run once, before the app serves).
    for (const statement of reportTriggers(dialect)) await queryRunner.query(statement);
    for (const statement of backfill(dialect)) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropTriggers()) await queryRunner.query(statement);
    await queryRunner.query('DROP TABLE report_duration_days');
    await queryRunner.query('DROP TABLE report_slots');
  }
}
