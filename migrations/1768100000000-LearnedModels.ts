import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const isMysql = (queryRunner: QueryRunner) => queryRunner.dataSource.options.type === 'mysql';

/**
 * Learned models (docs/learning.md): one row per trained version of a model kind. The unique
 * (kind, version) index is the claim: of several instances inserting the next version, exactly
 * one succeeds and trains it.
 */
export class LearnedModels1768100000000 implements MigrationInterface {
  name = 'LearnedModels1768100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'learned_models',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'version', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'labels', type: 'integer' },
          { name: 'examples', type: 'integer', isNullable: true },
          { name: 'holdout_accuracy', type: 'double', isNullable: true },
          // A serialised model can exceed MySQL's 64 KB TEXT.
          { name: 'model', type: isMysql(queryRunner) ? 'longtext' : 'text', isNullable: true },
          { name: 'claimed_at', type: 'datetime', precision: 3 },
          { name: 'trained_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: 'UQ_learned_models_kind_version',
            columnNames: ['kind', 'version'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_learned_models_kind_status',
            columnNames: ['kind', 'status', 'version'],
          }),
        ],
      }),
      true,
    );
    // Label queries look events up by type (retriaged, priority_overridden, override_cleared).
    await queryRunner.createIndex(
      'ticket_events',
      new TableIndex({ name: 'IDX_ticket_events_type', columnNames: ['type', 'ticket_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('ticket_events', 'IDX_ticket_events_type');
    await queryRunner.dropTable('learned_models', true);
  }
}
