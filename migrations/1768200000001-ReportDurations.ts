import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

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

/** TypeORM's own table for generated-column expressions, as its schema builder creates it. */
const TYPEORM_METADATA = new Table({
  name: 'typeorm_metadata',
  columns: [
    { name: 'type', type: 'varchar', length: '255', isNullable: false },
    { name: 'database', type: 'varchar', length: '255', isNullable: true },
    { name: 'schema', type: 'varchar', length: '255', isNullable: true },
    { name: 'table', type: 'varchar', length: '255', isNullable: true },
    { name: 'name', type: 'varchar', length: '255', isNullable: true },
    { name: 'value', type: 'text', isNullable: true },
  ],
});

/**
 * TypeORM reads a generated column's expression from `typeorm_metadata` whenever it loads the
 * table (a later migration's addColumn or dropColumn); without the row it fails, and a SQLite
 * table rebuild would lose the expression.
 */
async function recordExpressions(queryRunner: QueryRunner, mysql: boolean): Promise<void> {
  await queryRunner.createTable(TYPEORM_METADATA, true);
  const [{ schema }] = mysql
    ? ((await queryRunner.query('SELECT DATABASE() AS `schema`')) as { schema: string }[])
    : [{ schema: null }];
  const q = (name: string) => (mysql ? `\`${name}\`` : `"${name}"`);
  for (const { column, from } of DURATIONS) {
    await queryRunner.query(
      `INSERT INTO typeorm_metadata (${q('type')}, ${q('schema')}, ${q('table')}, ${q('name')}, ${q('value')}) ` +
        "VALUES ('GENERATED_COLUMN', ?, 'tickets', ?, ?)",
      [schema, column, tenthsOfMinute(mysql, from)],
    );
  }
}

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
    await recordExpressions(queryRunner, mysql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    await queryRunner.query(
      "DELETE FROM typeorm_metadata WHERE type = 'GENERATED_COLUMN' AND " +
        `${mysql ? '`table`' : '"table"'} = 'tickets'`,
    );
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
