import {
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

const isMysql = (queryRunner: QueryRunner) => queryRunner.dataSource.options.type === 'mysql';

const nullableDatetime = (name: string) =>
  new TableColumn({ name, type: 'datetime', precision: 3, isNullable: true });

/** Milliseconds since the epoch of `created_at`, independent of the session time zone. */
function createdAtMs(queryRunner: QueryRunner): string {
  return isMysql(queryRunner)
    ? "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', created_at) DIV 1000"
    : 'CAST(ROUND((julianday(created_at) - 2440587.5) * 86400000) AS INTEGER)';
}

/** Same formula as queueKey() in libs/priority/src/aging.ts: level rank, then score, then age. */
function queueKeySql(queryRunner: QueryRunner): string {
  const rank = "CASE priority_level WHEN 'P0' THEN 0 WHEN 'P1' THEN 1 WHEN 'P2' THEN 2 ELSE 3 END";
  const score =
    'CASE WHEN priority_score > 511 THEN 511 WHEN priority_score < 0 THEN 0 ELSE priority_score END';
  return `(${rank} * 512 + 511 - ${score}) * 4398046511104 + ${createdAtMs(queryRunner)}`;
}

/** The formula of 1767500000000, to put the keys back on revert. */
function previousQueueKeySql(queryRunner: QueryRunner): string {
  return (
    `(1023 - CASE WHEN priority_score > 1023 THEN 1023 WHEN priority_score < 0 THEN 0 ` +
    `ELSE priority_score END) * 4398046511104 + ${createdAtMs(queryRunner)}`
  );
}

const TICKET_COLUMNS = [
  new TableColumn({ name: 'assignee_id', type: 'integer', isNullable: true }),
  nullableDatetime('assigned_at'),
  nullableDatetime('first_response_at'),
  new TableColumn({
    name: 'priority_override_level',
    type: 'varchar',
    length: '2',
    isNullable: true,
  }),
  new TableColumn({
    name: 'priority_override_reason',
    type: 'varchar',
    length: '500',
    isNullable: true,
  }),
  new TableColumn({ name: 'priority_override_by', type: 'integer', isNullable: true }),
  nullableDatetime('priority_override_at'),
];

const TICKET_INDEXES = [
  // Claim-next and auto-assignment pick (assignee_id IS NULL, status 'open') in queue order;
  // the assignee filter; each agent's active count.
  new TableIndex({
    name: 'IDX_tickets_assignee_queue',
    columnNames: ['assignee_id', 'status', 'queue_key', 'id'],
  }),
  new TableIndex({ name: 'IDX_tickets_override_by', columnNames: ['priority_override_by'] }),
];

const TICKET_FKS = [
  new TableForeignKey({
    name: 'FK_tickets_assignee',
    columnNames: ['assignee_id'],
    referencedTableName: 'users',
    referencedColumnNames: ['id'],
    onDelete: 'SET NULL',
  }),
  new TableForeignKey({
    name: 'FK_tickets_override_by',
    columnNames: ['priority_override_by'],
    referencedTableName: 'users',
    referencedColumnNames: ['id'],
    onDelete: 'SET NULL',
  }),
];

/** Agent settings; null means the default (available: agents yes, admins no; capacity: config). */
const USER_COLUMNS_SQLITE = [
  'ALTER TABLE "users" ADD COLUMN "available" boolean NULL',
  'ALTER TABLE "users" ADD COLUMN "capacity" integer NULL',
  'ALTER TABLE "users" ADD COLUMN "last_assigned_at" datetime(3) NULL',
];

const commentsTable = () =>
  new Table({
    name: 'ticket_comments',
    columns: [
      {
        name: 'id',
        type: 'integer',
        isPrimary: true,
        isGenerated: true,
        generationStrategy: 'increment',
      },
      { name: 'ticket_id', type: 'integer' },
      { name: 'author_id', type: 'integer' },
      { name: 'body', type: 'text' },
      { name: 'internal', type: 'boolean', default: '0' },
      { name: 'created_at', type: 'datetime', precision: 3 },
    ],
    indices: [
      new TableIndex({ name: 'IDX_ticket_comments_ticket', columnNames: ['ticket_id', 'id'] }),
      new TableIndex({ name: 'IDX_ticket_comments_author', columnNames: ['author_id'] }),
    ],
    foreignKeys: [
      new TableForeignKey({
        name: 'FK_ticket_comments_ticket',
        columnNames: ['ticket_id'],
        referencedTableName: 'tickets',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
      new TableForeignKey({
        name: 'FK_ticket_comments_author',
        columnNames: ['author_id'],
        referencedTableName: 'users',
        referencedColumnNames: ['id'],
        onDelete: 'RESTRICT',
      }),
    ],
  });

/**
 * Working the queue: assignees, first responses, priority overrides, agent settings, comments,
 * an `internal` flag on history events, and a queue key that leads with the level in force.
 */
export class WorkingTheQueue1767700000000 implements MigrationInterface {
  name = 'WorkingTheQueue1767700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('tickets', TICKET_COLUMNS);
    // Indexes first: they lead with the foreign-key columns, so MySQL adds no index of its own.
    await queryRunner.createIndices('tickets', TICKET_INDEXES);
    await queryRunner.createForeignKeys('tickets', TICKET_FKS);
    await queryRunner.query(`UPDATE tickets SET queue_key = ${queueKeySql(queryRunner)}`);
    // New default age buckets: the first aging pass re-scores every active ticket.
    await queryRunner.query(
      `UPDATE tickets SET next_rescore_at = created_at WHERE status IN ('open', 'in_progress')`,
    );
    if (isMysql(queryRunner)) {
      await queryRunner.addColumns('users', [
        new TableColumn({ name: 'available', type: 'boolean', isNullable: true }),
        new TableColumn({ name: 'capacity', type: 'integer', isNullable: true }),
        nullableDatetime('last_assigned_at'),
      ]);
      await queryRunner.addColumn(
        'ticket_events',
        new TableColumn({ name: 'internal', type: 'boolean', default: '0' }),
      );
    } else {
      // TypeORM rebuilds a SQLite table to add a column; these tables are referenced by others.
      for (const sql of USER_COLUMNS_SQLITE) await queryRunner.query(sql);
      await queryRunner.query(
        'ALTER TABLE "ticket_events" ADD COLUMN "internal" boolean NOT NULL DEFAULT (0)',
      );
    }
    await queryRunner.createTable(commentsTable(), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ticket_comments', true);
    if (isMysql(queryRunner)) {
      await queryRunner.dropColumn('ticket_events', 'internal');
      await queryRunner.dropColumns('users', ['available', 'capacity', 'last_assigned_at']);
    } else {
      await queryRunner.query('ALTER TABLE "ticket_events" DROP COLUMN "internal"');
      for (const column of ['available', 'capacity', 'last_assigned_at']) {
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "${column}"`);
      }
    }
    await queryRunner.query(`UPDATE tickets SET queue_key = ${previousQueueKeySql(queryRunner)}`);
    for (const fk of TICKET_FKS) await queryRunner.dropForeignKey('tickets', fk.name!);
    for (const index of TICKET_INDEXES) await queryRunner.dropIndex('tickets', index.name!);
    await queryRunner.dropColumns(
      'tickets',
      TICKET_COLUMNS.map((column) => column.name),
    );
  }
}
