import { randomUUID } from 'node:crypto';

import { databaseKinds } from '../helpers/databases';
import { expectProblem, Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

const TICKET = { issue_type: 'major', impact: 40, customer_type: 'paid', title: 'Retry me' };

describe.each(databaseKinds())('Idempotency-Key on POST /tickets (%s)', (kind) => {
  let testApp: TestApp;
  let http: Http;
  let alice: string;
  let bob: string;

  const countTickets = async () =>
    Number(
      (await testApp.dataSource.query('SELECT COUNT(*) AS n FROM tickets'))[0].n as string | number,
    );
  const postWithKey = (key: string, body: object = TICKET, token = alice) =>
    http.post('/tickets', body, { token, headers: { 'idempotency-key': key } });

  beforeAll(async () => {
    testApp = await startTestApp({ database: kind });
    http = new Http(testApp.baseUrl);
    alice = await http.signUp('alice-idem');
    bob = await http.signUp('bob-idem');
  });

  afterAll(() => testApp.close());
  afterEach(() => testApp.setNow(undefined));

  it('should replay the first response for the same key and body', async () => {
    const key = randomUUID();
    const before = await countTickets();
    const first = await postWithKey(key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    for (let i = 0; i < 3; i++) {
      const again = await postWithKey(key, { ...TICKET });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
    }
    expect(await countTickets()).toBe(before + 1);
  });

  it('should treat the same body with its keys in another order as the same request', async () => {
    const key = randomUUID();
    const first = await postWithKey(key);
    const reordered = Object.fromEntries(Object.entries(TICKET).reverse());
    const again = await postWithKey(key, reordered);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('should answer 422 when the key comes back with a different body', async () => {
    const key = randomUUID();
    expect((await postWithKey(key)).status).toBe(201);
    const before = await countTickets();
    const mismatch = await postWithKey(key, { ...TICKET, impact: 41 });
    expectProblem(mismatch, 422);
    expect(mismatch.body.detail).toMatch(/different request/);
    expect(await countTickets()).toBe(before);
  });

  it('should create exactly one ticket for concurrent requests with one key', async () => {
    const key = randomUUID();
    const before = await countTickets();
    const results = await Promise.all(Array.from({ length: 10 }, () => postWithKey(key)));
    const statuses = results.map((r) => r.status);
    // MySQL: the later requests wait on the unique index, then replay the winner; SQLite's
    // shared connection cannot wait, so a request that overlaps the first one gets 409.
    const allowed = kind === 'mysql' ? [201] : [201, 409];
    expect(statuses.filter((s) => !allowed.includes(s))).toEqual([]);
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    for (const conflict of results.filter((r) => r.status === 409)) {
      expectProblem(conflict, 409);
      expect(conflict.headers.get('retry-after')).toBe('1');
    }
    expect(await countTickets()).toBe(before + 1);
    const settled = await postWithKey(key);
    expect(settled.status).toBe(201);
    expect(ids.has(settled.body.id)).toBe(true);
  });

  it('should scope keys to the user', async () => {
    const key = randomUUID();
    const mine = await postWithKey(key, TICKET, alice);
    const theirs = await postWithKey(key, TICKET, bob);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.created_by).not.toBe(mine.body.created_by);
  });

  it('should keep nothing for a request that failed, so the key can be used again', async () => {
    const key = randomUUID();
    expectProblem(await postWithKey(key, { ...TICKET, impact: -1 }), 400);
    const retry = await postWithKey(key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('should forget a key after 24 hours', async () => {
    const key = randomUUID();
    const first = await postWithKey(key);
    testApp.setNow(new Date(Date.now() + 24 * 3600_000 + 60_000));
    const later = await postWithKey(key, { ...TICKET, impact: 99 });
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it('should reject a key that is too long or not visible ASCII', async () => {
    expectProblem(await postWithKey('k'.repeat(256)), 400);
    expectProblem(await postWithKey('has space'), 400);
  });

  it('should create a new ticket each time without a key', async () => {
    const a = await http.post('/tickets', TICKET, { token: alice });
    const b = await http.post('/tickets', TICKET, { token: alice });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('should document the header in OpenAPI', async () => {
    const document = (await http.get('/docs-json')).body;
    const post = document.paths['/tickets'].post;
    expect(post.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
    );
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['409', '422']));
  });
});
