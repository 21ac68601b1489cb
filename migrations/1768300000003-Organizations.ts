import {
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

const isMysql = (queryRunner: QueryRunner) => queryRunner.dataSource.options.type === 'mysql';

const organizationsTable = () =>
  new Table({
    name: 'organizations',
    columns: [
      {
        name: 'id',
        type: 'integer',
        isPrimary: true,
        isGenerated: true,
        generationStrategy: 'increment',
      },
      { name: 'name', type: 'varchar', length: '100' },
      { name: 'customer_type', type: 'varchar', length: '16' },
      { name: 'created_at', type: 'datetime', precision: 3 },
      { name: 'updated_at', type: 'datetime', precision: 3 },
    ],
    indices: [
      new TableIndex({ name: 'UQ_organizations_name', columnNames: ['name'], isUnique: true }),
    ],
  });

/** Leads with the foreign-key column, so MySQL adds no index of its own for the key. */
const USER_INDEX = new TableIndex({
  name: 'IDX_users_organization',
  columnNames: ['organization_id'],
});
/** `?organization_id=` pages: one (organisation, status) range per status, in queue order. */
const TICKET_INDEX = new TableIndex({
  name: 'IDX_tickets_org_queue',
  columnNames: ['organization_id', 'status', 'queue_key', 'id'],
});

const foreignKey = (table: string) =>
  new TableForeignKey({
    name: `FK_${table}_organization`,
    columnNames: ['organization_id'],
    referencedTableName: 'organizations',
    referencedColumnNames: ['id'],
    onDelete: 'RESTRICT',
  });

/**
 * Customers (docs/administration.md): organisations with a tier, the reporters who belong to
 * one, and the organisation a ticket was filed for.
 */
export class Organizations1768300000003 implements MigrationInterface {
  name = 'Organizations1768300000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(organizationsTable(), true);
    for (const table of ['users', 'tickets']) {
      if (isMysql(queryRunner)) {
        await queryRunner.addColumn(
          table,
          new TableColumn({ name: 'organization_id', type: 'integer', isNullable: true }),
        );
      } else {
        // TypeORM rebuilds a SQLite table to add a column or a foreign key; a plain ALTER keeps
        // the rows in place. Without the constraint, so that `down` can drop the column again;
        // organisations are never deleted and the service checks the id exists.
        await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "organization_id" integer NULL`);
      }
    }
    await queryRunner.createIndex('users', USER_INDEX);
    await queryRunner.createIndex('tickets', TICKET_INDEX);
    if (isMysql(queryRunner)) {
      await queryRunner.createForeignKey('users', foreignKey('users'));
      await queryRunner.createForeignKey('tickets', foreignKey('tickets'));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['tickets', 'users']) {
      if (isMysql(queryRunner)) await queryRunner.dropForeignKey(table, `FK_${table}_organization`);
    }
    await queryRunner.dropIndex('tickets', TICKET_INDEX.name!);
    await queryRunner.dropIndex('users', USER_INDEX.name!);
    for (const table of ['tickets', 'users']) {
      if (isMysql(queryRunner)) await queryRunner.dropColumn(table, 'organization_id');
      else await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "organization_id"`);
    }
    await queryRunner.dropTable('organizations', true);
  }
}
