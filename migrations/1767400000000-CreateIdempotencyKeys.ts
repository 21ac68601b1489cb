import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Stored `Idempotency-Key`s of POST /tickets (docs/operations.md). */
export class CreateIdempotencyKeys1767400000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1767400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = (name: string) => ({ name, type: 'datetime', precision: 3 });
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'user_id', type: 'integer' },
          { name: 'key_hash', type: 'varchar', length: '64' },
          { name: 'request_hash', type: 'varchar', length: '64' },
          { name: 'status_code', type: 'integer', isNullable: true },
          { name: 'response_body', type: 'text', isNullable: true },
          timestamp('created_at'),
          timestamp('expires_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_idempotency_keys_user_key',
            columnNames: ['user_id', 'key_hash'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_idempotency_keys_expires_at',
            columnNames: ['expires_at'],
          }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('idempotency_keys', true);
  }
}
