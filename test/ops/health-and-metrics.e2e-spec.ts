import { DrainState } from '../../apps/api/src/lifecycle/drain-state';
import { databaseKinds } from '../helpers/databases';
import { expectProblem, Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

const METRICS_TOKEN = 'scrape-token-0123456789';

/** The value of one sample line of the Prometheus text format, or 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && wanted.every((pair) => l.includes(pair)));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe.each(databaseKinds())('metrics and health (%s)', (kind) => {
  let testApp: TestApp;
  let http: Http;
  let token: string;
  const scrape = async () =>
    (await http.get('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text;

  beforeAll(async () => {
    testApp = await startTestApp({ database: kind, env: { METRICS_TOKEN, GIT_COMMIT: 'abc1234' } });
    http = new Http(testApp.baseUrl);
    token = await http.signUp('metrics-user');
  });

  afterAll(() => testApp.close());

  it('should count requests in the duration histogram by method, route template and status', async () => {
    const labels = { method: 'GET', route: '/tickets/:id', status_code: '404' };
    const before = sample(await scrape(), 'http_request_duration_seconds_count', labels);
    for (const id of [900001, 900002, 900003]) {
      expect((await http.get(`/tickets/${id}`, { token })).status).toBe(404);
    }
    const text = await scrape();
    expect(sample(text, 'http_request_duration_seconds_count', labels)).toBe(before + 3);
    expect(sample(text, 'http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(
      before + 3,
    );
    expect(text).not.toMatch(/route="\/tickets\/9000/);
  });

  it('should label unknown paths as unmatched, never with the raw URL', async () => {
    await http.get('/no/such/path/123');
    const text = await scrape();
    expect(
      sample(text, 'http_request_duration_seconds_count', { route: 'unmatched' }),
    ).toBeGreaterThan(0);
    expect(text).not.toContain('/no/such/path');
  });

  it('should count created tickets by level', async () => {
    const created = await http.post(
      '/tickets',
      { issue_type: 'critical', impact: 500, customer_type: 'enterprise' },
      { token },
    );
    expect(created.status).toBe(201);
    const level = created.body.level as string;
    expect(sample(await scrape(), 'tickets_created_total', { level })).toBeGreaterThanOrEqual(1);
  });

  it('should report the pool, the build and the default process metrics', async () => {
    const text = await scrape();
    for (const state of ['in_use', 'idle', 'waiting', 'max']) {
      expect(text).toMatch(new RegExp(`^db_pool_connections\\{state="${state}"\\} \\d+`, 'm'));
    }
    expect(sample(text, 'db_pool_connections', { state: 'max' })).toBeGreaterThan(0);
    expect(text).toMatch(
      /^build_info\{version="1\.0\.0",commit="abc1234",node_version="v[\d.]+"\} 1$/m,
    );
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('should refuse a scrape without the metrics token', async () => {
    expectProblem(await http.get('/metrics'), 401);
    expectProblem(await http.get('/metrics', { headers: { authorization: 'Bearer wrong' } }), 401);
    const ok = await http.get('/metrics', {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('should turn readiness to 503 while draining, keep liveness up and close connections', async () => {
    expect((await http.get('/health/ready')).status).toBe(200);
    testApp.app.get(DrainState).startDraining();
    const ready = await http.get('/health/ready');
    expectProblem(ready, 503);
    expect(ready.headers.get('retry-after')).toMatch(/^\d+$/);
    const live = await http.get('/health/live');
    expect(live.status).toBe(200);
    expect(live.headers.get('connection')).toBe('close');
  });
});

describe('metrics without a token', () => {
  it('should be open when METRICS_TOKEN is not set', async () => {
    const testApp = await startTestApp();
    try {
      const result = await new Http(testApp.baseUrl).get('/metrics');
      expect(result.status).toBe(200);
      expect(result.text).toContain('# TYPE http_request_duration_seconds histogram');
    } finally {
      await testApp.close();
    }
  });
});
