import type { MigrationInterface, QueryRunner } from 'typeorm';

const isMysql = (queryRunner: QueryRunner) => queryRunner.dataSource.options.type === 'mysql';

/** Generated columns: the minutes (in tenths, as reports round them) from creation to a moment. */
const DURATIONS = [
  { column: 'first_response_tenths', from: 'first_response_at' },
  { column: 'resolution_tenths', from: 'resolved_at' },
] as const;

const tenthsOfMinute = (mysql: boolean, moment: string) =>
  mysql
    ? `(TIMESTAMPDIFF(MICROSECOND, created_at, ${moment}) DIV 1000 + 3000) DIV 6000`
    : `(CAST(ROUND((julianday(${moment}) - julianday(created_at)) * 86400000) AS INTEGER) + 3000) / 6000`;

export const durationIndex = (column: string) => `IDX_tickets_level_${column}`;

/**
 * The summary's exact medians and p90s over a range (docs/reports.md) are the k-th value of a
 * duration among the tickets created in the range. As a virtual column indexed by level and
 * value, the k-th one is read by walking the index in value order, instead of loading every
 * ticket of the range into the process. Virtual: nothing to keep up to date on any write path,
 * and imports, resolutions and reopenings are always reflected.
 */
export class ReportDurations1768200000001 implements MigrationInterface {
  name = 'ReportDurations1768200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    const quote = (name: string) => (mysql ? `\`${name}\`` : `"${name}"`);
    for (const { column, from } of DURATIONS) {
      // A plain ALTER on SQLite: TypeORM would rebuild the table, which other tables reference.
      await queryRunner.query(
        `ALTER TABLE tickets ADD COLUMN ${quote(column)} ${mysql ? 'INT' : 'INTEGER'} ` +
          `GENERATED ALWAYS AS (${tenthsOfMinute(mysql, from)}) VIRTUAL`,
      );
      // created_at last, so the index alone answers "the k-th value among those created in range".
      await queryRunner.query(
        `CREATE INDEX ${quote(durationIndex(column))} ON tickets ` +
          `(created_level, ${quote(column)}, created_at)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    for (const { column } of DURATIONS) {
      await queryRunner.query(
        mysql
          ? `DROP INDEX \`${durationIndex(column)}\` ON tickets`
          : `DROP INDEX "${durationIndex(column)}"`,
      );
      await queryRunner.query(
        `ALTER TABLE tickets DROP COLUMN ${mysql ? `\`${column}\`` : `"${column}"`}`,
      );
    }
  }
}
