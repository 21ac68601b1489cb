import type { MigrationInterface, QueryRunner } from 'typeorm';

const isMysql = (queryRunner: QueryRunner) => queryRunner.dataSource.options.type === 'mysql';

/**
 * Usernames compare byte for byte. Under `utf8mb4_unicode_ci` MySQL and MariaDB matched
 * `rép.one`, `rep.one` followed by a zero-width space and `rep.one` followed by NUL to
 * `rep.one`: other spellings reached one account (and its sign-in limit). `utf8mb4_bin`
 * exists on MySQL 8 and MariaDB 10.11 alike; it pads trailing spaces, which never reach the
 * column (names are trimmed and must match `[a-z0-9_.-]`). SQLite's default BINARY collation
 * already compares exactly (the column was created without COLLATE), so nothing changes there.
 * Canonical names are lower case, so no two existing rows can collide under the stricter rule.
 */
export class ExactUsernames1767600000000 implements MigrationInterface {
  name = 'ExactUsernames1767600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query(
      'ALTER TABLE users MODIFY username varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query(
      'ALTER TABLE users MODIFY username varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL',
    );
  }
}
