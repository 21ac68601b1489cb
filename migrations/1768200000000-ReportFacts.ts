import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const isMysql = (queryRunner: QueryRunner) => queryRunner.dataSource.options.type === 'mysql';

const TICKET_INDEXES = [
  // Reports: tickets created per 15-minute slot and level, read from the index alone.
  new TableIndex({
    name: 'IDX_tickets_created_level',
    columnNames: ['created_at', 'created_level'],
  }),
  // Reports: resolutions per slot, and the backlog at each bucket's end.
  new TableIndex({
    name: 'IDX_tickets_resolved_at',
    columnNames: ['resolved_at', 'created_level'],
  }),
  // Reports per agent: tickets assigned to each, by creation instant.
  new TableIndex({
    name: 'IDX_tickets_assignee_created',
    columnNames: ['assignee_id', 'created_at'],
  }),
];
const EVENT_INDEX = new TableIndex({
  name: 'IDX_ticket_events_type_at',
  columnNames: ['type', 'created_at'],
});

/**
 * Reports group by the level in force when a ticket was created, which aging and overrides
 * change afterwards: `created_level` keeps it. Existing tickets take their current level (their
 * created events hold the true one; a report over them says so in docs/reports.md).
 */
export class ReportFacts1768200000000 implements MigrationInterface {
  name = 'ReportFacts1768200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isMysql(queryRunner)) {
      await queryRunner.addColumn(
        'tickets',
        new TableColumn({ name: 'created_level', type: 'varchar', length: '2', isNullable: true }),
      );
    } else {
      // A plain ALTER: TypeORM would rebuild the table, which other tables reference.
      await queryRunner.query('ALTER TABLE "tickets" ADD COLUMN "created_level" varchar(2) NULL');
    }
    await queryRunner.query('UPDATE tickets SET created_level = priority_level');
    await queryRunner.createIndices('tickets', TICKET_INDEXES);
    await queryRunner.createIndex('ticket_events', EVENT_INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('ticket_events', EVENT_INDEX.name!);
    for (const index of TICKET_INDEXES) await queryRunner.dropIndex('tickets', index.name!);
    if (isMysql(queryRunner)) await queryRunner.dropColumn('tickets', 'created_level');
    else await queryRunner.query('ALTER TABLE "tickets" DROP COLUMN "created_level"');
  }
}
