import {
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

const isSqlite = (queryRunner: QueryRunner) => queryRunner.dataSource.options.type !== 'mysql';

const timestamp = (name: string, isNullable = false) => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable,
});

/** Disabled users, and refresh-token families (sessions) for rotation and revocation. */
export class AddSessionsAndDisabledUsers1767300000000 implements MigrationInterface {
  name = 'AddSessionsAndDisabledUsers1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      // TypeORM rebuilds a SQLite table to add a column, which fails once tickets reference users.
      await queryRunner.query(
        'ALTER TABLE "users" ADD COLUMN "disabled" boolean NOT NULL DEFAULT (0)',
      );
    } else {
      await queryRunner.addColumn(
        'users',
        new TableColumn({ name: 'disabled', type: 'boolean', default: '0' }),
      );
    }

    await queryRunner.createTable(
      new Table({
        name: 'auth_sessions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'integer' },
          timestamp('created_at'),
          timestamp('expires_at'),
          timestamp('revoked_at', true),
        ],
        indices: [new TableIndex({ name: 'IDX_auth_sessions_user', columnNames: ['user_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_auth_sessions_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'session_id', type: 'varchar', length: '36' },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          timestamp('created_at'),
          timestamp('used_at', true),
        ],
        indices: [
          new TableIndex({ name: 'IDX_refresh_tokens_session', columnNames: ['session_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_refresh_tokens_session',
            columnNames: ['session_id'],
            referencedTableName: 'auth_sessions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('refresh_tokens', true);
    await queryRunner.dropTable('auth_sessions', true);
    if (isSqlite(queryRunner)) {
      await queryRunner.query('ALTER TABLE "users" DROP COLUMN "disabled"');
    } else {
      await queryRunner.dropColumn('users', 'disabled');
    }
  }
}
