import { DEFAULT_WEIGHTS } from '@app/priority';
import * as bcrypt from 'bcrypt';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createPool } from 'mysql2/promise';

import { CONNECTIONS, measure, type Load } from './load';
import { sqlTime } from './seed-data';

/** The smallest server node:http allows: it reads the body and answers a small JSON document. */
const BARE_SERVER = `
require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
    res.end('{"id":1,"priority_score":15,"priority_level":"P1"}');
  });
}).listen(Number(process.argv[1]), '127.0.0.1');
`;

export async function bareHttp(port: number, seconds: number, body: unknown): Promise<Load> {
  const child = spawn(process.execPath, ['-e', BARE_SERVER, String(port)], { stdio: 'inherit' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return await measure({ url: `http://127.0.0.1:${port}/`, seconds, method: 'POST', body });
  } finally {
    child.kill();
  }
}

/** Compares per second at `cost`, as many at once as the app would run (libuv's pool). */
export async function rawBcrypt(
  cost: number,
  seconds: number,
  concurrency = CONNECTIONS,
): Promise<number> {
  const hash = await bcrypt.hash('correct horse battery', cost);
  const until = Date.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (Date.now() < until) {
      await bcrypt.compare('correct horse battery', hash);
      done++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((Date.now() - started) / 1000);
}

/** The statements POST /tickets runs in its transaction (apps/api/src/tickets/ticket-rows.ts). */
const TICKET_SQL =
  'INSERT INTO tickets (issue_type, impact, customer_type, title, description, status, ' +
  'priority_score, priority_level, scored_at, created_by, created_at, updated_at, queue_key, ' +
  'next_rescore_at, resolved_at, closed_at, first_resolved_at, sla_due_key, sla_breach_at, ' +
  'sla_risk_from, sla_risk_until, sla_next_check_at, created_level, organization_id, policy_version) ' +
  `VALUES (${Array(25).fill('?').join(', ')})`;
const EVENT_SQL =
  'INSERT INTO ticket_events (ticket_id, type, actor_id, actor, internal, data, created_at) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?)';
const HOOKS_SQL = 'SELECT id, events FROM webhooks WHERE active = ?';
const OUTBOX_SQL =
  'INSERT INTO webhook_deliveries (webhook_id, event_id, type, status, attempts, ' +
  'next_attempt_at, first_due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

function ticketValues(userId: number): unknown[] {
  const now = sqlTime(new Date());
  const next = sqlTime(new Date(Date.now() + 3_600_000));
  const key = 1008 * 2 ** 42 + Date.now();
  // issue, impact, customer, title, description, status, score, level, scored_at, created_by,
  // created_at, updated_at, queue_key, next_rescore_at, resolved_at, closed_at,
  // first_resolved_at, sla_due_key, sla_breach_at, sla_risk_from, sla_risk_until,
  // sla_next_check_at, created_level, organization_id, policy_version
  return [
    ...['critical', 150, 'enterprise', 'Bare insert', null, 'open', 15, 'P1', now, userId],
    ...[now, now, key, next, null, null, null, Date.now() + 3_600_000, next, next, next, next],
    ...['P1', null, 1],
  ];
}

function eventValues(ticketId: number, userId: number): unknown[] {
  const data = JSON.stringify({
    inputs: {
      issue_type: 'critical',
      impact: 150,
      customer_type: 'enterprise',
      created_at: new Date().toISOString(),
    },
    weights: DEFAULT_WEIGHTS,
    score: 15,
    level: 'P1',
  });
  return [ticketId, 'created', userId, 'bench.agent', 0, data, sqlTime(new Date())];
}

function outboxValues(hookId: number, eventId: number): unknown[] {
  const at = sqlTime(new Date());
  return [hookId, eventId, 'ticket.created', 'pending', 0, at, at, at];
}

/** The hooks a creation writes a delivery row for: those subscribed to `ticket.created`. */
const subscribed = (hooks: { id: number; events: string }[]) =>
  hooks.filter((hook) => (JSON.parse(hook.events) as string[]).includes('ticket.created'));

export interface InsertCeiling {
  /**
   * What POST /tickets writes, in one transaction: the ticket, its `created` event, the read of
   * the active webhooks and one outbox row per subscribed webhook (the bench subscribes one).
   */
  creation: number;
  /** One autocommit ticket row alone. */
  ticketOnly: number;
}

/** better-sqlite3 is synchronous: one connection, one statement at a time, as in the app. */
export function sqliteInsertCeiling(path: string, userId: number, seconds: number): InsertCeiling {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const ticket = db.prepare(TICKET_SQL);
  const event = db.prepare(EVENT_SQL);
  const hooks = db.prepare(HOOKS_SQL);
  const outbox = db.prepare(OUTBOX_SQL);
  const creation = db.transaction(() => {
    const id = Number(ticket.run(...ticketValues(userId)).lastInsertRowid);
    const eventId = Number(event.run(...eventValues(id, userId)).lastInsertRowid);
    for (const hook of subscribed(hooks.all(1) as { id: number; events: string }[])) {
      outbox.run(...outboxValues(hook.id, eventId));
    }
  });
  const rate = (work: () => void) => {
    const started = Date.now();
    let done = 0;
    while (Date.now() - started < seconds * 1000) {
      work();
      done++;
    }
    return done / ((Date.now() - started) / 1000);
  };
  try {
    return {
      creation: rate(() => creation()),
      ticketOnly: rate(() => ticket.run(...ticketValues(userId))),
    };
  } finally {
    db.close();
  }
}

/** mysql2 pool of the app's size, driven by as many concurrent workers as autocannon uses. */
export async function mysqlInsertCeiling(
  url: string,
  poolSize: number,
  userId: number,
  seconds: number,
): Promise<InsertCeiling> {
  const pool = createPool({ uri: url, connectionLimit: poolSize, timezone: 'Z' });
  const rate = async (work: () => Promise<void>) => {
    const started = Date.now();
    let done = 0;
    const worker = async () => {
      while (Date.now() - started < seconds * 1000) {
        await work();
        done++;
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    return done / ((Date.now() - started) / 1000);
  };
  try {
    const creation = await rate(async () => {
      const connection = await pool.getConnection();
      try {
        await connection.beginTransaction();
        const [ticket] = await connection.query(TICKET_SQL, ticketValues(userId));
        const ticketId = (ticket as { insertId: number }).insertId;
        const [event] = await connection.query(EVENT_SQL, eventValues(ticketId, userId));
        const eventId = (event as { insertId: number }).insertId;
        const [hooks] = await connection.query(HOOKS_SQL, [1]);
        for (const hook of subscribed(hooks as { id: number; events: string }[])) {
          await connection.query(OUTBOX_SQL, outboxValues(hook.id, eventId));
        }
        await connection.commit();
      } finally {
        connection.release();
      }
    });
    const ticketOnly = await rate(async () => {
      await pool.query(TICKET_SQL, ticketValues(userId));
    });
    return { creation, ticketOnly };
  } finally {
    await pool.end();
  }
}
