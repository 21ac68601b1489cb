import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const isMysql = (queryRunner: QueryRunner) => queryRunner.dataSource.options.type === 'mysql';

/** Stands for "no unmet running target" in `sla_due_key` (libs/sla FAR_FUTURE), so it sorts last. */
const NO_DUE_KEY = '8640000000000000';

const DATETIMES = [
  'first_resolved_at',
  'sla_breach_at',
  'sla_risk_from',
  'sla_risk_until',
  'sla_next_check_at',
];

/** One ALTER on MySQL (every statement there may rebuild the table; one is enough). */
const MYSQL_ADD = [
  ...DATETIMES.map((name) => `ADD \`${name}\` datetime(3) NULL`),
  'ADD `sla_pauses` text NULL',
  'ADD `sla_flags` int NOT NULL DEFAULT 0',
  `ADD \`sla_due_key\` bigint NOT NULL DEFAULT ${NO_DUE_KEY}`,
];

// TypeORM rebuilds a SQLite table to add a column, and `tickets` is referenced by other tables.
const SQLITE_COLUMNS = [
  ...DATETIMES.map((name) => `ALTER TABLE "tickets" ADD COLUMN "${name}" datetime(3) NULL`),
  'ALTER TABLE "tickets" ADD COLUMN "sla_pauses" text NULL',
  'ALTER TABLE "tickets" ADD COLUMN "sla_flags" integer NOT NULL DEFAULT (0)',
  `ALTER TABLE "tickets" ADD COLUMN "sla_due_key" bigint NOT NULL DEFAULT (${NO_DUE_KEY})`,
];

const INDEXES = [
  // The SLA job: tickets whose next warning or breach instant has come.
  new TableIndex({ name: 'IDX_tickets_sla_next_check', columnNames: ['sla_next_check_at'] }),
  // sort=sla_due, first page and cursor pages.
  new TableIndex({ name: 'IDX_tickets_sla_due', columnNames: ['sla_due_key', 'id'] }),
  // sort=sla_due with ?status= (SQLite would otherwise sort every ticket of that status).
  new TableIndex({
    name: 'IDX_tickets_status_sla_due',
    columnNames: ['status', 'sla_due_key', 'id'],
  }),
  // sla=at_risk: the few tickets whose risk window has not ended.
  new TableIndex({ name: 'IDX_tickets_sla_risk', columnNames: ['sla_risk_until'] }),
];

/**
 * SLA tracking: the first resolution, pending periods, the recorded warnings and breaches, and
 * the instants the queue filters and sorts on. Existing tickets get `sla_next_check_at =
 * created_at`, so the SLA job computes their columns (and due events) on its first passes.
 */
export class SlaTracking1767800000000 implements MigrationInterface {
  name = 'SlaTracking1767800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isMysql(queryRunner)) {
      const indexes = INDEXES.map(
        (index) =>
          `ADD INDEX \`${index.name}\` (${index.columnNames.map((c) => `\`${c}\``).join(', ')})`,
      );
      await queryRunner.query(`ALTER TABLE \`tickets\` ${[...MYSQL_ADD, ...indexes].join(', ')}`);
    } else {
      for (const sql of SQLITE_COLUMNS) await queryRunner.query(sql);
      await queryRunner.createIndices('tickets', INDEXES);
    }
    await queryRunner.query(
      'UPDATE tickets SET first_resolved_at = resolved_at, sla_next_check_at = created_at',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const names = [...DATETIMES, 'sla_pauses', 'sla_flags', 'sla_due_key'];
    if (isMysql(queryRunner)) {
      const drops = [
        ...INDEXES.map((index) => `DROP INDEX \`${index.name}\``),
        ...names.map((name) => `DROP COLUMN \`${name}\``),
      ];
      await queryRunner.query(`ALTER TABLE \`tickets\` ${drops.join(', ')}`);
      return;
    }
    for (const index of INDEXES) await queryRunner.dropIndex('tickets', index.name!);
    for (const name of names) {
      await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "${name}"`);
    }
  }
}
