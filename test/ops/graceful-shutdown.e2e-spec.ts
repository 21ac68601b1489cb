import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { DataSource } from 'typeorm';

import { databaseKinds, type DatabaseKind } from '../helpers/databases';
import { Http } from '../helpers/http';
import { ensureBuilt, PRODUCTION_ENV, spawnBuiltApp, type BuiltApp } from './helpers/built-app';
import { mysqlBehindProxy, type ProxiedMysql } from './helpers/mysql-behind-proxy';
import { idleKeepAlive, RawPost } from './helpers/raw-http';

const GRACE_MS = 8_000;
const PASSWORD = 'drain-password-marker-7f3a';
const TICKET = { issue_type: 'minor', impact: 3, customer_type: 'free', title: 'in flight' };

interface Store {
  env: Record<string, string>;
  ticketIds(): Promise<number[]>;
  close(): Promise<void>;
  mysql?: ProxiedMysql;
}

async function openStore(kind: DatabaseKind): Promise<Store> {
  if (kind === 'mysql') {
    const mysql = await mysqlBehindProxy();
    return {
      mysql,
      // A pool as large as the burst, so requests queue on the slow link, not for a connection.
      env: { ...mysql.database.env, DB_POOL_SIZE: '40' },
      ticketIds: async () =>
        (await mysql.query<{ id: number }>('SELECT id FROM tickets')).map((r) => r.id),
      close: () => mysql.close(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tps-drain-'));
  const file = join(dir, 'tickets.sqlite');
  return {
    env: { SQLITE_PATH: file },
    ticketIds: async () => {
      const db = await new DataSource({ type: 'better-sqlite3', database: file }).initialize();
      try {
        const rows = await db.query<Array<{ id: number }>>('SELECT id FROM tickets');
        return rows.map((r) => r.id);
      } finally {
        await db.destroy();
      }
    },
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const accessLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, any>)
    .filter((entry) => entry.msg === 'request completed' || entry.msg === 'request errored');

describe.each(databaseKinds())('SIGTERM during a burst (%s, built app)', (kind) => {
  let store: Store;
  let app: BuiltApp;

  beforeAll(async () => {
    await ensureBuilt();
    store = await openStore(kind);
  }, 180_000);

  afterAll(async () => {
    app?.kill();
    await store?.close();
  });

  it('should finish every accepted request, close idle connections and exit 0', async () => {
    app = await spawnBuiltApp({
      ...PRODUCTION_ENV,
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      ...store.env,
    });
    await app.waitUntilReady();
    const http = new Http(app.baseUrl);
    const token = await http.signUp('drainer', PASSWORD);
    const port = Number(new URL(app.baseUrl).port);

    const idle = await Promise.all(Array.from({ length: 5 }, () => idleKeepAlive(port)));
    const slow = await Promise.all(
      Array.from({ length: 5 }, () => RawPost.start(port, '/tickets', token, TICKET)),
    );
    if (store.mysql) store.mysql.proxy.latencyMs = 300; // keeps the burst in flight
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => RawPost.start(port, '/tickets', token, TICKET, false)),
    );
    await sleep(100); // every request is on the server's side of the socket

    const sigtermAt = Date.now();
    app.child.kill('SIGTERM');
    await sleep(300);
    const finished = await Promise.all(slow.map((request) => request.finish()));
    const burstResults = await Promise.all(burst.map((request) => request.finish()));
    const late = await fetch(`${app.baseUrl}/health/live`).then(
      (r) => r.status,
      () => 'refused',
    );
    const code = await app.exited;
    const drainMs = Date.now() - sigtermAt;
    idle.forEach((socket) => socket.destroy());

    expect(code).toBe(0);
    expect(drainMs).toBeLessThan(GRACE_MS);
    expect(finished.map((r) => r.status)).toEqual(slow.map(() => 201));
    for (const response of finished) expect(response.headers.connection).toBe('close');
    expect(burstResults.map((r) => r.status)).toEqual(burst.map(() => 201));
    expect(late).toBe('refused');

    const stored = new Set(await store.ticketIds());
    const acknowledged = [
      ...finished.map((r) => (JSON.parse(r.body) as { id: number }).id),
      ...burstResults.map((r) => (JSON.parse(r.body) as { id: number }).id),
    ];
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(app.stdout()).toMatch(/SIGTERM received: draining/);
    expect(app.stdout()).toMatch(/drained; exiting/);
  }, 60_000);

  it('should have written one access-log line per request, without secrets or probes', () => {
    const stdout = app.stdout();
    const lines = accessLines(stdout);
    const posts = lines.filter((l) => l.req?.method === 'POST' && l.route === '/tickets');
    expect(posts.length).toBeGreaterThanOrEqual(35);
    for (const line of posts) {
      expect(line).toMatchObject({
        level: 30,
        route: '/tickets',
        userId: expect.any(Number),
        responseTime: expect.any(Number),
        res: { statusCode: 201 },
        req: { id: expect.any(String), method: 'POST', url: '/tickets' },
      });
    }
    expect(lines.filter((l) => String(l.req?.url).startsWith('/health') && l.level >= 30)).toEqual(
      [],
    );
    expect(stdout).not.toContain(PASSWORD);
    expect(stdout).not.toMatch(/Bearer|eyJ[\w-]{10,}\.|authorization/i);
  });
});
