import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { mysqlBehindProxy, type ProxiedMysql } from './helpers/mysql-behind-proxy';

const mysqlOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

/** Acquire (2 s) + query (3 s) timeouts by default, plus scheduling slack on a busy box. */
const ANSWER_BUDGET_MS = 6_500;
const RECOVERY_BUDGET_MS = 5_000;

interface Outcome {
  status: number;
  startedAt: number;
  endedAt: number;
  id?: number;
  key?: string;
  body: Record<string, unknown>;
  retryAfter: string | null;
  contentType: string | null;
}

const TICKET = { issue_type: 'critical', impact: 120, customer_type: 'enterprise' };

async function post(http: Http, token: string, key?: string): Promise<Outcome> {
  const startedAt = Date.now();
  const headers: Record<string, string> = key ? { 'idempotency-key': key } : {};
  const result = await http.post('/tickets', TICKET, { token, headers });
  return {
    status: result.status,
    startedAt,
    endedAt: Date.now(),
    id: result.status === 201 ? result.body.id : undefined,
    key,
    body: result.body,
    retryAfter: result.headers.get('retry-after'),
    contentType: result.headers.get('content-type'),
  };
}

mysqlOnly('MySQL outage under a stream of POST /tickets (fault proxy)', () => {
  let mysql: ProxiedMysql;
  let testApp: TestApp;
  let http: Http;
  let token: string;

  beforeAll(async () => {
    mysql = await mysqlBehindProxy();
    testApp = await startTestApp({ database: mysql.database });
    http = new Http(testApp.baseUrl);
    token = await http.signUp('stream-user');
  });

  afterAll(async () => {
    await testApp?.stop();
    await mysql?.close();
  });

  it('should answer 201 or a fast 503, lose no 201 ticket, and recover by itself', async () => {
    const outcomes: Outcome[] = [];
    const readiness: Array<{ at: number; status: number }> = [];
    let running = true;
    const worker = async (withKeys: boolean) => {
      while (running) {
        outcomes.push(await post(http, token, withKeys ? randomUUID() : undefined));
      }
    };
    const pollReadiness = async () => {
      while (running) {
        const status = await fetch(`${testApp.baseUrl}/health/ready`, {
          signal: AbortSignal.timeout(5_000),
        })
          .then((r) => r.status)
          .catch(() => 0);
        readiness.push({ at: Date.now(), status });
        await sleep(200);
      }
    };
    const load = [worker(true), worker(true), worker(false), worker(false), pollReadiness()];

    await sleep(2_000);
    const cutAt = Date.now();
    await mysql.proxy.setMode('blackhole');
    await sleep(5_000);
    mysql.proxy.reset();
    await mysql.proxy.setMode('refuse');
    await sleep(5_000);
    await mysql.proxy.setMode('pass');
    const restoredAt = Date.now();
    await sleep(RECOVERY_BUDGET_MS + 1_000);
    running = false;
    await Promise.all(load);

    const statuses = new Set(outcomes.map((o) => o.status));
    expect([...statuses].sort()).toEqual([201, 503]);
    const slowest = Math.max(...outcomes.map((o) => o.endedAt - o.startedAt));
    expect(slowest).toBeLessThan(ANSWER_BUDGET_MS);
    for (const failure of outcomes.filter((o) => o.status === 503)) {
      expect(failure.retryAfter).toMatch(/^\d+$/);
      expect(failure.contentType).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(failure.body)).not.toMatch(/ECONN|PROTOCOL_|mysql|SELECT|INSERT/i);
    }

    const created = outcomes.filter((o) => o.status === 201);
    const stored = await mysql.query<{ id: number }>('SELECT id FROM tickets');
    const storedIds = new Set(stored.map((row) => row.id));
    expect(created.filter((o) => !storedIds.has(o.id!))).toEqual([]);
    expect(created.some((o) => o.endedAt < cutAt)).toBe(true);

    const firstAfterRestore = created.find((o) => o.endedAt >= restoredAt);
    expect(firstAfterRestore).toBeDefined();
    expect(firstAfterRestore!.endedAt - restoredAt).toBeLessThan(RECOVERY_BUDGET_MS);

    const during = readiness.filter((r) => r.at > cutAt + 2_000 && r.at < restoredAt);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((r) => r.status === 503)).toBe(true);
    const readyAgain = readiness.find((r) => r.at > restoredAt && r.status === 200);
    expect(readyAgain!.at - restoredAt).toBeLessThan(RECOVERY_BUDGET_MS);
  }, 60_000);

  it('should let every failed keyed request be retried into exactly one ticket', async () => {
    const before = await mysql.query<{ n: number }>('SELECT COUNT(*) AS n FROM tickets');
    const keys = Array.from({ length: 12 }, () => randomUUID());
    await mysql.proxy.setMode('blackhole');
    const during = await Promise.all(keys.map((key) => post(http, token, key)));
    await mysql.proxy.setMode('pass');
    expect(during.every((o) => o.status === 503 || o.status === 201)).toBe(true);

    await sleep(500);
    const retried = await Promise.all(keys.map((key) => post(http, token, key)));
    expect(retried.map((o) => o.status)).toEqual(keys.map(() => 201));
    const ids = retried.map((o) => o.id);
    for (const first of during.filter((o) => o.status === 201)) {
      expect(ids).toContain(first.id);
    }
    const after = await mysql.query<{ n: number }>('SELECT COUNT(*) AS n FROM tickets');
    expect(Number(after[0].n) - Number(before[0].n)).toBe(keys.length);
    expect(new Set(ids).size).toBe(keys.length);
  }, 60_000);
});

mysqlOnly('MySQL not yet up at start (fault proxy)', () => {
  it('should retry with backoff and serve once the database answers', async () => {
    const mysql = await mysqlBehindProxy();
    try {
      await mysql.proxy.setMode('refuse');
      const restore = setTimeout(() => void mysql.proxy.setMode('pass'), 2_000);
      const started = Date.now();
      const testApp = await startTestApp({
        database: mysql.database,
        env: { DB_STARTUP_TIMEOUT_MS: '20000' },
      });
      clearTimeout(restore);
      try {
        expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
        expect((await new Http(testApp.baseUrl).get('/health/ready')).status).toBe(200);
      } finally {
        await testApp.stop();
      }
    } finally {
      await mysql.close();
    }
  }, 60_000);
});
