import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from '../apps/api/src/database/database-options';
import { encodeCursor } from '../apps/api/src/tickets/ticket-cursor';
import { AppProcess } from './app-process';
import type { BenchDatabase } from './bench-databases';
import { rawBcrypt } from './ceilings';
import { measure, measureInTurns, settled, type Load } from './load';

export const PAGE_SIZE = 10;
export const DEEP_PAGE = 10_000;
export const LOGIN_CONNECTIONS = 8;
const BENCH_USER = 'bench.agent';
const BENCH_PASSWORD = 'bench-password-123';
export const NEW_TICKET = {
  issue_type: 'critical',
  impact: 150,
  customer_type: 'enterprise',
  title: 'Bench',
};

export interface Scenario {
  engine: string;
  size: number;
  firstPage: Load;
  deepCursor: Load;
  deepOffset: Load;
  /** The page reached "deep": the 10,000th when it exists, else the last. */
  deepPage: number;
  post: Load;
  login?: Load;
  healthDuringLogin?: Load;
  /** Raw bcrypt compares per second, measured just before the login flood. */
  bcryptPerSecond?: number;
  maxRssMb: number;
  /** Seconds from spawning the app to its first healthy answer. */
  readySeconds: number;
  /** Seconds the app took, after start, to catch up with due SLA and aging work. */
  catchUpSeconds: number;
  /** Peak RSS during each phase, in MB. */
  rssByPhase: Record<string, number>;
  bareInsertUserId: number;
}

export async function signIn(
  app: AppProcess,
  db: DataSource,
): Promise<{ token: string; userId: number }> {
  await fetch(`${app.baseUrl}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
  });
  await db.query(`UPDATE users SET role = 'agent' WHERE username = ?`, [BENCH_USER]);
  const login = await fetch(`${app.baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
  });
  const [user] = await db.query('SELECT id FROM users WHERE username = ?', [BENCH_USER]);
  return {
    token: ((await login.json()) as { access_token: string }).access_token,
    userId: user.id,
  };
}

/**
 * One active webhook subscribed to `ticket.created`, created through the API, so that every
 * creation writes its outbox row as it does in a deployment with an integration. The relay is
 * left off in the bench (WEBHOOK_RELAY_INTERVAL_MS=0), so the rows wait and POST /tickets
 * measures the creation, not the deliveries.
 */
export async function subscribeWebhook(
  app: AppProcess,
  db: DataSource,
  token: string,
): Promise<void> {
  await db.query(`UPDATE users SET role = 'admin' WHERE username = ?`, [BENCH_USER]);
  try {
    const answer = await fetch(`${app.baseUrl}/admin/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ url: 'http://127.0.0.1:9/bench-sink', events: ['ticket.created'] }),
    });
    if (!answer.ok) throw new Error(`POST /admin/webhooks answered ${answer.status}`);
  } finally {
    await db.query(`UPDATE users SET role = 'agent' WHERE username = ?`, [BENCH_USER]);
  }
}

/**
 * Waits until the app has done the SLA checks and aging re-scores that were due when it started
 * (a reused database has let them pile up), so the figures measure requests, not a catch-up.
 * Resolves with the seconds it waited.
 */
const CAUGHT_UP_BELOW = 500;

export async function caughtUp(db: DataSource, limitMs = 30 * 60_000): Promise<number> {
  const started = Date.now();
  const now = () => new Date().toISOString().replace('T', ' ').slice(0, 23);
  while (Date.now() - started < limitMs) {
    const [row] = await db.query(
      `SELECT (SELECT COUNT(*) FROM tickets WHERE sla_next_check_at <= ?) +
              (SELECT COUNT(*) FROM tickets WHERE next_rescore_at <= ?) AS n`,
      [now(), now()],
    );
    // Checks keep coming due at a steady trickle: what one pass takes is "caught up".
    if (Number(row.n) < CAUGHT_UP_BELOW) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return (Date.now() - started) / 1000;
}

/** The cursor the API hands out after the last ticket of page `page - 1`, in queue order. */
async function cursorBefore(db: DataSource, page: number): Promise<string> {
  const [row] = await db.query(
    'SELECT queue_key AS k, id FROM tickets ORDER BY queue_key, id LIMIT 1 OFFSET ?',
    [(page - 1) * PAGE_SIZE - 1],
  );
  return encodeCursor({ sort: 'priority', key: Number(row.k), id: Number(row.id) });
}

export async function runScenario(
  database: BenchDatabase,
  port: number,
  seconds: number,
  withLogin: boolean,
): Promise<Scenario> {
  const db = new DataSource({
    ...buildDataSourceOptions(database.config.database),
    migrationsRun: false,
  });
  await db.initialize();
  const app = new AppProcess(port, database.env, database.config.auth.bcryptCost);
  try {
    const readySeconds = await app.ready();
    const catchUpSeconds = await caughtUp(db);
    const { token, userId } = await signIn(app, db);
    await subscribeWebhook(app, db, token);
    const deepPage = Math.min(DEEP_PAGE, Math.floor(database.size / PAGE_SIZE));
    const cursor = await cursorBefore(db, deepPage);
    const list = (query: string) => ({
      url: `${app.baseUrl}/tickets?limit=${PAGE_SIZE}${query}`,
      seconds,
      token,
    });
    const rssByPhase: Record<string, number> = {};
    const phase = async <T>(name: string, run: () => Promise<T>) => {
      app.takeWindowMb();
      const result = await run();
      rssByPhase[name] = Math.round(app.takeWindowMb());
      return result;
    };
    rssByPhase.idle = Math.round(app.takeWindowMb());
    // Warm the caches (and the count) once, as a running service would be.
    await measure({ url: `${app.baseUrl}/tickets?limit=${PAGE_SIZE}`, seconds: 3, token });
    // The three reads take turns, so their ratios are not skewed by load that comes and goes.
    const [firstPage, deepCursor, deepOffset] = await phase('reads', () =>
      measureInTurns(
        [list(''), list(`&cursor=${cursor}`), list(`&page=${deepPage}`)],
        seconds,
        () => settled(`${app.baseUrl}/health/live`),
      ),
    );
    await settled(`${app.baseUrl}/health/live`);
    const post = await phase('POST', () =>
      measure({
        url: `${app.baseUrl}/tickets`,
        seconds,
        token,
        method: 'POST',
        body: NEW_TICKET,
      }),
    );
    let login: Load | undefined;
    let healthDuringLogin: Load | undefined;
    let bcryptPerSecond: number | undefined;
    if (withLogin) {
      // bcrypt runs a few times a second: a longer window, and its ceiling measured right
      // before, so both see the same load on a shared machine.
      const loginSeconds = seconds * 2;
      bcryptPerSecond = await rawBcrypt(
        database.config.auth.bcryptCost,
        loginSeconds,
        LOGIN_CONNECTIONS,
      );
      const credentials = { username: BENCH_USER, password: BENCH_PASSWORD };
      [login, healthDuringLogin] = await phase('login flood', () =>
        Promise.all([
          // Eight at once keep bcrypt's four libuv threads busy; 32 would only queue for ~10 s.
          measure({
            url: `${app.baseUrl}/auth/login`,
            seconds: loginSeconds,
            connections: LOGIN_CONNECTIONS,
            method: 'POST',
            body: credentials,
            timeoutSeconds: 60,
          }),
          measure({ url: `${app.baseUrl}/health`, seconds: loginSeconds, connections: 1 }),
        ]),
      );
    }
    return {
      engine: database.engine,
      size: database.size,
      firstPage,
      deepCursor,
      deepOffset,
      deepPage,
      post,
      login,
      healthDuringLogin,
      bcryptPerSecond,
      maxRssMb: app.maxRssMb,
      readySeconds,
      catchUpSeconds,
      rssByPhase,
      bareInsertUserId: userId,
    };
  } finally {
    await app.stop();
    await db.destroy();
  }
}
