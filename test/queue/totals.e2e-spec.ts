import { databaseKinds } from '../helpers/databases';
import { HOUR, startQueueApp, type QueueApp } from './queue-app';

const NOW = new Date('2026-09-01T09:00:00.000Z');

/** With the count cache on (as in production), totals must follow every write the app makes. */
describe.each(databaseKinds())('cached totals on %s', (database) => {
  let q: QueueApp;

  beforeAll(async () => {
    q = await startQueueApp(database, { TICKETS_TOTAL_CACHE_MS: '600000' });
    q.testApp.setNow(NOW);
  });
  afterAll(() => q.testApp.close());

  const total = async (query = '', token = q.tokens.agent) =>
    (await q.http.get(`/tickets?${query}`, { token })).body.total;
  const counts = async () => ({
    active: await total(),
    all: await total('status=all'),
    live: await total('status=open,in_progress'),
    open: await total('status=open'),
    resolved: await total('status=resolved'),
    p0: await total('priority_level=P0'),
    mine: await total('', q.tokens.reporter),
  });

  it('should stay exact through creation, import, status changes and aging', async () => {
    expect(await counts()).toEqual({
      active: 0,
      all: 0,
      live: 0,
      open: 0,
      resolved: 0,
      p0: 0,
      mine: 0,
    });
    const body = { issue_type: 'critical', impact: 150, customer_type: 'enterprise' }; // 15, P1
    const created = await q.http.post('/tickets', body, { token: q.tokens.reporter });
    await q.http.post(
      '/tickets/import',
      [{ ...body, created_at: new Date(NOW.getTime() - 4 * HOUR).toISOString() }], // 16, P0
      { token: q.tokens.admin },
    );
    expect(await counts()).toEqual({
      active: 2,
      all: 2,
      live: 2,
      open: 2,
      resolved: 0,
      p0: 1,
      mine: 1,
    });
    const id = created.body.id;
    for (const status of ['in_progress', 'resolved']) {
      await q.http.request('PATCH', `/tickets/${id}`, { status }, { token: q.tokens.agent });
    }
    // The default list (and so `mine`) counts live work only.
    expect(await counts()).toEqual({
      active: 1,
      all: 2,
      live: 1,
      open: 1,
      resolved: 1,
      p0: 1,
      mine: 0,
    });
    await q.http.request(
      'PATCH',
      `/tickets/${id}`,
      { status: 'closed' },
      { token: q.tokens.agent },
    );
    await q.http.request('PATCH', `/tickets/${id}`, { status: 'open' }, { token: q.tokens.agent });
    q.testApp.setNow(new Date(NOW.getTime() + 4 * HOUR));
    expect(await q.rescore()).toBe(1); // the reopened ticket reaches P0
    expect(await counts()).toEqual({
      active: 2,
      all: 2,
      live: 2,
      open: 2,
      resolved: 0,
      p0: 2,
      mine: 1,
    });
  });
});
