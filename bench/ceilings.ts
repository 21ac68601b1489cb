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

const TICKET_SQL =
  'INSERT INTO tickets (issue_type, impact, customer_type, title, description, status, ' +
  'priority_score, priority_level, scored_at, created_by, created_at, updated_at, queue_key, ' +
  'next_rescore_at, resolved_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const EVENT_SQL =
  'INSERT INTO ticket_events (ticket_id, type, actor_id, actor, data, created_at) VALUES (?, ?, ?, ?, ?, ?)';

function ticketValues(userId: number): unknown[] {
  const now = sqlTime(new Date());
  const next = sqlTime(new Date(Date.now() + 3_600_000));
  const key = 1008 * 2 ** 42 + Date.now();
  return [
    'critical',
    150,
    'enterprise',
    'Bare insert',
    null,
    'open',
    15,
    'P1',
    now,
    userId,
    now,
    now,
    key,
    next,
    null,
    null,
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
  return [ticketId, 'created', userId, 'bench.agent', data, sqlTime(new Date())];
}

export interface InsertCeiling {
  /** A ticket and its `created` event in one transaction: the writes POST /tickets makes. */
  ticketWithEvent: number;
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
  const both = db.transaction(() => {
    const id = Number(ticket.run(...ticketValues(userId)).lastInsertRowid);
    event.run(...eventValues(id, userId));
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
      ticketWithEvent: rate(() => both()),
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
    const ticketWithEvent = await rate(async () => {
      const connection = await pool.getConnection();
      try {
        await connection.beginTransaction();
        const [result] = await connection.query(TICKET_SQL, ticketValues(userId));
        await connection.query(
          EVENT_SQL,
          eventValues((result as { insertId: number }).insertId, userId),
        );
        await connection.commit();
      } finally {
        connection.release();
      }
    });
    const ticketOnly = await rate(async () => {
      await pool.query(TICKET_SQL, ticketValues(userId));
    });
    return { ticketWithEvent, ticketOnly };
  } finally {
    await pool.end();
  }
}
