import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { mysqlBehindProxy, type ProxiedMysql } from './helpers/mysql-behind-proxy';

const mysqlOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

/** REQUEST_TIMEOUT_MS of the app under test: no answer may come later than this. */
const BACKSTOP_MS = 8_000;
/** Scheduling slack on a busy 2-core box, on top of the backstop. */
const SLACK_MS = 1_000;
/** The service must answer 201 again this soon after new connections flow. */
const RECOVERY_MS = 10_000;
const RATE_PER_SECOND = 20;
const CUT_MS = 5_000;

interface Outcome {
  status: number; // 0: never answered within the client's patience
  startedAt: number;
  endedAt: number;
  id?: number;
}

const TICKET = { issue_type: 'major', impact: 40, customer_type: 'paid' };

/** One POST /tickets; the client waits far longer than the backstop to see stuck requests. */
async function post(baseUrl: string, token: string, keyed: boolean): Promise<Outcome> {
  const startedAt = Date.now();
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  };
  if (keyed) headers['idempotency-key'] = randomUUID();
  try {
    const response = await fetch(`${baseUrl}/tickets`, {
      method: 'POST',
      headers,
      body: JSON.stringify(TICKET),
      signal: AbortSignal.timeout(BACKSTOP_MS * 3),
    });
    const body = (await response.json()) as { id?: number };
    return { status: response.status, startedAt, endedAt: Date.now(), id: body.id };
  } catch {
    return { status: 0, startedAt, endedAt: Date.now() };
  }
}

/** Fires RATE_PER_SECOND requests a second, open loop, until `stop()`; collects every outcome. */
function openLoopLoad(baseUrl: string, token: string) {
  const pending: Array<Promise<Outcome>> = [];
  let sent = 0;
  const timer = setInterval(() => {
    pending.push(post(baseUrl, token, sent++ % 2 === 0));
  }, 1_000 / RATE_PER_SECOND);
  return {
    stop: () => {
      clearInterval(timer);
      return Promise.all(pending);
    },
  };
}

mysqlOnly('MySQL connections that die silently, under 20 POST /tickets a second', () => {
  let mysql: ProxiedMysql;
  let testApp: TestApp;
  let http: Http;
  let token: string;

  beforeAll(async () => {
    mysql = await mysqlBehindProxy();
    testApp = await startTestApp({
      database: mysql.database,
      env: { REQUEST_TIMEOUT_MS: String(BACKSTOP_MS) },
    });
    http = new Http(testApp.baseUrl);
    token = await http.signUp('silent-stream');
  }, 30_000);

  afterAll(async () => {
    await testApp?.stop();
    await mysql?.close();
  }, 30_000);

  it('should answer every request within the backstop, lose no 201, and recover without a restart', async () => {
    const load = openLoopLoad(testApp.baseUrl, token);
    await sleep(2_000);
    await mysql.proxy.setMode('silent');
    await sleep(CUT_MS);
    await mysql.proxy.setMode('pass');
    await sleep(CUT_MS);
    await mysql.proxy.setMode('silent');
    await sleep(CUT_MS);
    await mysql.proxy.setMode('pass');
    const restoredAt = Date.now();
    await sleep(RECOVERY_MS + 3_000);
    const outcomes = await load.stop();
    expect(mysql.proxy.stalledCount).toBeGreaterThan(0); // the cuts really left silent sockets
    expect(outcomes.length).toBeGreaterThan(RATE_PER_SECOND * 25);
    expect(outcomes.filter((o) => o.status === 0)).toEqual([]);
    expect([...new Set(outcomes.map((o) => o.status))].sort()).toEqual([201, 503]);
    const slowest = Math.max(...outcomes.map((o) => o.endedAt - o.startedAt));
    expect(slowest).toBeLessThanOrEqual(BACKSTOP_MS + SLACK_MS);

    const firstBack = outcomes.find((o) => o.status === 201 && o.endedAt > restoredAt);
    expect(firstBack!.endedAt - restoredAt).toBeLessThan(RECOVERY_MS);
    const late = outcomes.filter((o) => o.startedAt > restoredAt + RECOVERY_MS);
    expect(late.length).toBeGreaterThan(RATE_PER_SECOND);
    expect(late.filter((o) => o.status !== 201)).toEqual([]);

    const created = outcomes.filter((o) => o.status === 201).map((o) => o.id);
    const stored = new Set(
      (await mysql.query<{ id: number }>('SELECT id FROM tickets')).map((row) => row.id),
    );
    expect(created.filter((id) => !stored.has(id!))).toEqual([]);

    // The same process serves on: ready, and nobody left waiting for a connection.
    expect((await http.get('/health/ready')).status).toBe(200);
    const metrics = (await http.get('/metrics')).text;
    expect(metrics).toMatch(/db_pool_connections\{state="waiting"\} 0\b/);
  }, 60_000);
});
