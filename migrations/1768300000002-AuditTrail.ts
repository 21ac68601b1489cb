import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const GENESIS_HASH = '0'.repeat(64);

/**
 * The admin audit trail (docs/administration.md): a hash chain of entries, and one head row
 * that every append locks, so appends from several instances are serialised.
 */
export class AuditTrail1768300000002 implements MigrationInterface {
  name = 'AuditTrail1768300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'at', type: 'datetime', precision: 3 },
          { name: 'actor_id', type: 'integer', isNullable: true },
          { name: 'actor_username', type: 'varchar', length: '64', isNullable: true },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'target', type: 'varchar', length: '128' },
          { name: 'before_json', type: 'text', isNullable: true },
          { name: 'after_json', type: 'text', isNullable: true },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_head',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'last_id', type: 'integer' },
          { name: 'last_hash', type: 'varchar', length: '64' },
        ],
      }),
      true,
    );
    await queryRunner.query('INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, ?)', [
      GENESIS_HASH,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_head', true);
    await queryRunner.dropTable('audit_entries', true);
  }
}
