import 'reflect-metadata';

import { buildConfig, loadEnv } from '../apps/api/src/config';
import { openDatabase } from './seed';

/** The queries behind each endpoint, as the services issue them (parameters inlined). */
const QUERIES: [string, string][] = [
  ['queue, first page', 'SELECT * FROM tickets ORDER BY queue_key ASC, id ASC LIMIT 11'],
  [
    'queue, after a cursor',
    'SELECT * FROM tickets WHERE queue_key >= 4414537490000000 AND (queue_key > 4414537490000000 OR id > 5) ORDER BY queue_key ASC, id ASC LIMIT 11',
  ],
  [
    'queue, page 10,000 by offset',
    'SELECT * FROM tickets ORDER BY queue_key ASC, id ASC LIMIT 11 OFFSET 99990',
  ],
  [
    'queue, page 10,000 by offset, ids first (what the service runs)',
    'SELECT id FROM tickets ORDER BY queue_key ASC, id ASC LIMIT 11 OFFSET 99990',
  ],
  [
    'open tickets',
    "SELECT * FROM tickets WHERE status = 'open' ORDER BY queue_key ASC, id ASC LIMIT 11",
  ],
  [
    'P0 tickets',
    "SELECT * FROM tickets WHERE priority_level = 'P0' ORDER BY queue_key ASC, id ASC LIMIT 11",
  ],
  [
    "a reporter's tickets",
    'SELECT * FROM tickets WHERE created_by = 42 ORDER BY queue_key ASC, id ASC LIMIT 11',
  ],
  ['newest first', 'SELECT * FROM tickets ORDER BY created_at DESC, id DESC LIMIT 11'],
  ['total, whole queue', 'SELECT COUNT(*) FROM tickets'],
  ['total, open tickets', "SELECT COUNT(*) FROM tickets WHERE status = 'open'"],
  ["total, a reporter's tickets", 'SELECT COUNT(*) FROM tickets WHERE created_by = 42'],
  [
    're-scorer: tickets due',
    "SELECT * FROM tickets WHERE next_rescore_at <= '2026-11-27 06:00:00.000' ORDER BY next_rescore_at ASC LIMIT 500",
  ],
  ['history of one ticket', 'SELECT id FROM ticket_events WHERE ticket_id = 42 ORDER BY id ASC'],
];

async function main() {
  const config = buildConfig(loadEnv());
  const db = await openDatabase(config);
  const sqlite = config.database.type === 'sqlite';
  try {
    for (const [name, sql] of QUERIES) {
      const plan: Record<string, string | number | null>[] = await db.query(
        `${sqlite ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${sql}`,
      );
      const started = process.hrtime.bigint();
      await db.query(sql);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      console.log(`\n### ${name} (${ms.toFixed(1)} ms)\n\n\`${sql}\`\n\n\`\`\``);
      for (const row of plan) {
        console.log(
          sqlite
            ? String(row.detail)
            : `table=${row.table} type=${row.type} key=${row.key} rows=${row.rows} Extra=${row.Extra ?? ''}`,
        );
      }
      console.log('```');
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
