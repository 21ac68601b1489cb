import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

const isMysql = (queryRunner: QueryRunner) => queryRunner.dataSource.options.type === 'mysql';

// The re-scorer reads the active tickets scored with an older version than the active one.
const TICKET_INDEX = new TableIndex({
  name: 'IDX_tickets_status_policy',
  columnNames: ['status', 'policy_version', 'id'],
});

/**
 * The priority policy (weights and SLA targets) as versions (docs/administration.md): append-only,
 * the newest version is the one in force, and its re-score progress sits on its row. Every ticket
 * stores the version that scored it; existing tickets were scored with what becomes version 1.
 */
export class PolicyVersions1768300000000 implements MigrationInterface {
  name = 'PolicyVersions1768300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = isMysql(queryRunner) ? 'mediumtext' : 'text';
    await queryRunner.createTable(
      new Table({
        name: 'policy_versions',
        columns: [
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'weights', type: text },
          { name: 'sla', type: text },
          { name: 'reason', type: 'varchar', length: '500' },
          { name: 'based_on', type: 'integer', isNullable: true },
          { name: 'created_by', type: 'integer', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'rescore_total', type: 'integer', isNullable: true },
          { name: 'rescore_done', type: 'integer', default: 0 },
          { name: 'rescore_started_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'rescore_finished_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_policy_versions_created_by',
            columnNames: ['created_by'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
      true,
    );
    if (isMysql(queryRunner)) {
      await queryRunner.query(
        'ALTER TABLE `tickets` ADD COLUMN `policy_version` int NOT NULL DEFAULT 1',
      );
    } else {
      // A plain ALTER: TypeORM would rebuild the table, which other tables reference.
      await queryRunner.query(
        'ALTER TABLE "tickets" ADD COLUMN "policy_version" integer NOT NULL DEFAULT (1)',
      );
    }
    await queryRunner.createIndex('tickets', TICKET_INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('tickets', TICKET_INDEX.name!);
    if (isMysql(queryRunner)) await queryRunner.dropColumn('tickets', 'policy_version');
    else await queryRunner.query('ALTER TABLE "tickets" DROP COLUMN "policy_version"');
    await queryRunner.dropTable('policy_versions', true);
  }
}
