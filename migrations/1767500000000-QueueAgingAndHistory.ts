import {
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

const isMysql = (queryRunner: QueryRunner) => queryRunner.dataSource.options.type === 'mysql';

/** Milliseconds since the epoch of `created_at`, independent of the session time zone. */
function createdAtMs(queryRunner: QueryRunner): string {
  return isMysql(queryRunner)
    ? "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', created_at) DIV 1000"
    : 'CAST(ROUND((julianday(created_at) - 2440587.5) * 86400000) AS INTEGER)';
}

const datetime = (name: string) =>
  new TableColumn({ name, type: 'datetime', precision: 3, isNullable: true });

/**
 * Aging, lifecycle and history: a single-direction queue sort key, the instant each ticket's
 * score next changes, lifecycle timestamps, and the ticket_events history table.
 */
export class QueueAgingAndHistory1767500000000 implements MigrationInterface {
  name = 'QueueAgingAndHistory1767500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('tickets', [
      new TableColumn({ name: 'queue_key', type: 'bigint', default: 0 }),
      datetime('next_rescore_at'),
      datetime('resolved_at'),
      datetime('closed_at'),
    ]);
    // Same formula as queueKey() in libs/priority/src/aging.ts.
    await queryRunner.query(
      `UPDATE tickets SET queue_key = (1023 - CASE WHEN priority_score > 1023 THEN 1023 ` +
        `WHEN priority_score < 0 THEN 0 ELSE priority_score END) * 4398046511104 + ${createdAtMs(queryRunner)}`,
    );
    // Due at once: the first re-score pass brings stored scores up to date.
    await queryRunner.query(
      `UPDATE tickets SET next_rescore_at = created_at WHERE status IN ('open', 'in_progress')`,
    );
    for (const name of [
      'IDX_tickets_queue',
      'IDX_tickets_priority_score',
      'IDX_tickets_priority_level',
    ]) {
      await queryRunner.dropIndex('tickets', name);
    }
    await queryRunner.createIndices('tickets', [
      new TableIndex({ name: 'IDX_tickets_queue_key', columnNames: ['queue_key', 'id'] }),
      new TableIndex({
        name: 'IDX_tickets_status_queue',
        columnNames: ['status', 'queue_key', 'id'],
      }),
      new TableIndex({
        name: 'IDX_tickets_level_queue',
        columnNames: ['priority_level', 'queue_key', 'id'],
      }),
      new TableIndex({
        name: 'IDX_tickets_creator_queue',
        columnNames: ['created_by', 'queue_key', 'id'],
      }),
      new TableIndex({ name: 'IDX_tickets_next_rescore_at', columnNames: ['next_rescore_at'] }),
    ]);
    // The creator index above starts with created_by, so it also serves the foreign key.
    await queryRunner.dropIndex('tickets', 'IDX_tickets_created_by');
    await queryRunner.createTable(
      new Table({
        name: 'ticket_events',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'ticket_id', type: 'integer' },
          { name: 'type', type: 'varchar', length: '32' },
          { name: 'actor_id', type: 'integer', isNullable: true },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'data', type: 'text' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({ name: 'IDX_ticket_events_ticket', columnNames: ['ticket_id', 'id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_ticket_events_ticket',
            columnNames: ['ticket_id'],
            referencedTableName: 'tickets',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ticket_events', true);
    await queryRunner.createIndex(
      'tickets',
      new TableIndex({ name: 'IDX_tickets_created_by', columnNames: ['created_by'] }),
    );
    for (const name of [
      'IDX_tickets_queue_key',
      'IDX_tickets_status_queue',
      'IDX_tickets_level_queue',
      'IDX_tickets_creator_queue',
      'IDX_tickets_next_rescore_at',
    ]) {
      await queryRunner.dropIndex('tickets', name);
    }
    await queryRunner.createIndices('tickets', [
      new TableIndex({
        name: 'IDX_tickets_queue',
        columnNames: ['status', 'priority_score', 'created_at', 'id'],
      }),
      new TableIndex({ name: 'IDX_tickets_priority_score', columnNames: ['priority_score'] }),
      new TableIndex({ name: 'IDX_tickets_priority_level', columnNames: ['priority_level'] }),
    ]);
    for (const column of ['closed_at', 'resolved_at', 'next_rescore_at', 'queue_key']) {
      await queryRunner.dropColumn('tickets', column);
    }
  }
}
