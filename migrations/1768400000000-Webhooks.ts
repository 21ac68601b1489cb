import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};
const instant = (name: string, isNullable = false) => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable,
});

/**
 * Webhooks and their deliveries (docs/webhooks.md). A delivery row is the outbox: it is written
 * in the transaction of the change that recorded its event, and the relay of any instance
 * claims it when `next_attempt_at` (indexed; null once it is delivered or failed) comes due.
 */
export class Webhooks1768400000000 implements MigrationInterface {
  name = 'Webhooks1768400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'webhooks',
        columns: [
          id,
          { name: 'url', type: 'varchar', length: '2048' },
          { name: 'events', type: 'varchar', length: '512' },
          { name: 'active', type: 'boolean', default: '1' },
          { name: 'secret', type: 'varchar', length: '100' },
          instant('failing_since', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_webhooks_active', columnNames: ['active'] })],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          id,
          { name: 'webhook_id', type: 'integer' },
          { name: 'event_id', type: 'integer' },
          { name: 'type', type: 'varchar', length: '32' },
          { name: 'status', type: 'varchar', length: '16', default: "'pending'" },
          { name: 'attempts', type: 'integer', default: '0' },
          instant('next_attempt_at', true),
          { name: 'lease_token', type: 'varchar', length: '36', isNullable: true },
          instant('first_due_at'),
          { name: 'last_status_code', type: 'integer', isNullable: true },
          instant('last_attempt_at', true),
          { name: 'response_excerpt', type: 'text', isNullable: true },
          instant('created_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_webhook_deliveries_event',
            columnNames: ['webhook_id', 'event_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_webhook_deliveries_due', columnNames: ['next_attempt_at'] }),
          new TableIndex({ name: 'IDX_webhook_deliveries_event', columnNames: ['event_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_webhook_deliveries_webhook',
            columnNames: ['webhook_id'],
            referencedTableName: 'webhooks',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_webhook_deliveries_event',
            columnNames: ['event_id'],
            referencedTableName: 'ticket_events',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('webhook_deliveries', true);
    await queryRunner.dropTable('webhooks', true);
  }
}
