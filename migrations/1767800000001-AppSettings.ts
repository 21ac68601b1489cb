import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Small named values the app keeps about itself; the first is the fingerprint of the SLA policy
 * the stored SLA columns were computed with (apps/api/src/sla/sla-policy-watch.ts).
 */
export class AppSettings1767800000001 implements MigrationInterface {
  name = 'AppSettings1767800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'app_settings',
        columns: [
          { name: 'name', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'varchar', length: '200' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('app_settings', true);
  }
}
