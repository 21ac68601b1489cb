import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/** Millisecond timestamps need an explicit default on each engine. */
function nowDefault(queryRunner: QueryRunner): string {
  return queryRunner.dataSource.options.type === 'mysql'
    ? 'CURRENT_TIMESTAMP(3)'
    : "strftime('%Y-%m-%d %H:%M:%f','now')";
}

export class CreateUsersAndTickets1767225600000 implements MigrationInterface {
  name = 'CreateUsersAndTickets1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = (name: string) => ({
      name,
      type: 'datetime',
      precision: 3,
      default: nowDefault(queryRunner),
    });
    const id = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment' as const,
    };

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id,
          { name: 'username', type: 'varchar', length: '64', isUnique: true },
          { name: 'password_hash', type: 'varchar', length: '100' },
          { name: 'role', type: 'varchar', length: '16', default: "'reporter'" },
          timestamp('created_at'),
        ],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'tickets',
        columns: [
          id,
          { name: 'issue_type', type: 'varchar', length: '16' },
          { name: 'impact', type: 'integer' },
          { name: 'customer_type', type: 'varchar', length: '16' },
          { name: 'title', type: 'varchar', length: '200', isNullable: true },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'status', type: 'varchar', length: '16', default: "'open'" },
          { name: 'priority_score', type: 'integer' },
          { name: 'priority_level', type: 'varchar', length: '2' },
          timestamp('scored_at'),
          { name: 'created_by', type: 'integer' },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_tickets_queue',
            columnNames: ['status', 'priority_score', 'created_at', 'id'],
          }),
          new TableIndex({ name: 'IDX_tickets_priority_score', columnNames: ['priority_score'] }),
          new TableIndex({ name: 'IDX_tickets_priority_level', columnNames: ['priority_level'] }),
          new TableIndex({ name: 'IDX_tickets_created_by', columnNames: ['created_by'] }),
          new TableIndex({ name: 'IDX_tickets_created_at', columnNames: ['created_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_tickets_created_by',
            columnNames: ['created_by'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('tickets', true);
    await queryRunner.dropTable('users', true);
  }
}
