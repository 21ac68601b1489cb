import { binOf } from '../../apps/api/src/reports/duration-bins';
import { TicketEvent } from '../../apps/api/src/ticket-events/ticket-event.entity';
import { ReportAggregates1768500000000 } from '../../migrations/1768500000000-ReportAggregates';
import { fragments } from '../../migrations/report-aggregates-sql';
import { databaseKinds } from '../helpers/databases';
import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { HOUR, MINUTE, startQueueApp, type QueueApp } from '../queue/queue-app';

const P2 = { issue_type: 'major', impact: 50, customer_type: 'paid' } as const;
const P3 = { issue_type: 'minor', impact: 5, customer_type: 'free' } as const;
const REASON = 'customer escalated by phone';
const START = Date.parse('2026-05-04T09:00:00.000Z');

type Row = Record<string, unknown>;
const msOf = (value: unknown) =>
  value instanceof Date ? value.getTime() : Date.parse(`${String(value).replace(' ', 'T')}Z`);
const key = (...parts: unknown[]) => parts.join('|');

/** The aggregates as the migration's triggers keep them, without the zero rows. */
async function stored(testApp: TestApp) {
  const slots: Row[] = await testApp.dataSource.query('SELECT * FROM report_slots');
  const days: Row[] = await testApp.dataSource.query('SELECT * FROM report_duration_days');
  const counts = new Map<string, number>();
  const names = ['created', 'resolved', 'escalations', 'overrides'];
  const breaches = ['first_response_breaches', 'resolution_breaches'];
  for (const row of slots) {
    for (const name of [...names, ...breaches]) {
      if (Number(row[name])) counts.set(key(name, row.slot, row.level), Number(row[name]));
    }
  }
  for (const row of days) {
    if (Number(row.n)) counts.set(key(row.metric, row.day, row.level, row.bin), Number(row.n));
  }
  return counts;
}

/** The same figures recomputed from the raw rows, with the pure bins of duration-bins.ts. */
async function recomputed(testApp: TestApp) {
  const tickets: Row[] = await testApp.dataSource.query(
    'SELECT created_at, created_level, resolved_at, first_response_tenths, resolution_tenths FROM tickets',
  );
  const events: Row[] = await testApp.dataSource.query(
    "SELECT type, data, created_at FROM ticket_events WHERE type IN ('level_raised', 'priority_overridden', 'sla_breached')",
  );
  const counts = new Map<string, number>();
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  const slot = (ms: number) => Math.floor(ms / (15 * MINUTE));
  for (const t of tickets) {
    const level = t.created_level ?? '';
    const created = msOf(t.created_at);
    add(key('created', slot(created), level));
    if (t.resolved_at) add(key('resolved', slot(msOf(t.resolved_at)), level));
    const day = Math.floor(created / 86_400_000);
    for (const [metric, tenths] of [
      ['first_response', t.first_response_tenths],
      ['resolution', t.resolution_tenths],
    ] as const) {
      if (tenths !== null) add(key(metric, day, level, binOf(Number(tenths))));
    }
  }
  for (const e of events) {
    if (e.type === 'level_raised') add(key('escalations', slot(msOf(e.created_at)), ''));
    if (e.type === 'priority_overridden') add(key('overrides', slot(msOf(e.created_at)), ''));
    const data = JSON.parse(String(e.data)) as { metric: string; due_at: string | null };
    if (e.type === 'sla_breached' && data.due_at) {
      add(key(`${data.metric}_breaches`, slot(Date.parse(data.due_at)), ''));
    }
  }
  return counts;
}

describe.each(databaseKinds())('report aggregates kept by triggers on %s', (db) => {
  let q: QueueApp;
  const patch = (id: number, body: object) =>
    q.http.request('PATCH', `/tickets/${id}`, body, { token: q.tokens.agent });

  beforeAll(async () => {
    q = await startQueueApp(db);
  });
  afterAll(() => q.testApp.close());

  it('should compute the very bins of duration-bins.ts in the database', async () => {
    const values = [0, 1, 9, 10, 11, 12, 99, 100, 119, 120, 999, 1_000, 2_399, 43_200, 9_999_999];
    for (let v = 13; v < 5_000_000; v = Math.ceil(v * 1.37)) values.push(v, v + 1);
    const f = fragments(db);
    const select = values.map((v) => `SELECT ${v} AS v`).join(' UNION ALL ');
    const rows: { v: number | string; bin: number | string }[] = await q.testApp.dataSource.query(
      `SELECT v, ${f.bin('v')} AS bin FROM (${select}) vs`,
    );
    expect(rows.map((r) => [Number(r.v), Number(r.bin)])).toEqual(values.map((v) => [v, binOf(v)]));
  });

  it('should equal a recomputation from the rows after creates, resolves, reopens, imports, overrides and deletes', async () => {
    q.testApp.setNow(new Date(START));
    const created: number[] = [];
    for (const facts of [P2, P3, P2, P3, P2]) {
      const res = await q.http.post(
        '/tickets',
        { ...facts, title: 'live' },
        { token: q.tokens.reporter },
      );
      created.push(res.body.id);
    }
    const imported = await q.http.post(
      '/tickets/import',
      {
        tickets: [
          { ...P2, title: 'old', created_at: '2026-04-01T10:00:00.000Z' },
          {
            ...P3,
            title: 'old done',
            created_at: '2026-04-02T23:50:00.000Z',
            first_response_at: '2026-04-03T00:20:00.000Z',
            resolved_at: '2026-04-05T10:00:00.000Z',
            status: 'resolved',
            assignee: 'queue.agent',
          },
        ],
      },
      { token: q.tokens.admin },
    );
    expect(imported.status).toBe(201);
    const [a, b, c] = created;
    q.testApp.setNow(new Date(START + 20 * MINUTE));
    await patch(a, { status: 'in_progress' });
    await q.http.post(`/tickets/${a}/comments`, { body: 'on it' }, { token: q.tokens.agent });
    q.testApp.setNow(new Date(START + 3 * HOUR));
    await patch(a, { status: 'resolved' });
    await patch(b, { priority_override: { level: 'P0', reason: REASON } });
    // Reopened a day later, then resolved again: the first resolution no longer counts.
    q.testApp.setNow(new Date(START + 27 * HOUR));
    await patch(a, { status: 'open' });
    q.testApp.setNow(new Date(START + 30 * HOUR));
    await patch(a, { status: 'in_progress' });
    await patch(a, { status: 'resolved' });
    await q.testApp.dataSource.getRepository(TicketEvent).insert({
      ticketId: c,
      type: 'sla_breached',
      actorId: null,
      actor: 'system',
      internal: false,
      data: JSON.stringify({
        metric: 'first_response',
        level: 'P2',
        due_at: '2026-05-04T10:00:00.000Z',
      }),
      createdAt: new Date(START + 2 * HOUR),
    });
    await q.testApp.dataSource.query('DELETE FROM ticket_comments WHERE ticket_id = ?', [
      created[4],
    ]);
    await q.testApp.dataSource.query('DELETE FROM ticket_events WHERE ticket_id = ?', [created[4]]);
    await q.testApp.dataSource.query('DELETE FROM tickets WHERE id = ?', [created[4]]);
    const want = await recomputed(q.testApp);
    expect(want.get(key('resolved', Math.floor((START + 30 * HOUR) / (15 * MINUTE)), 'P2'))).toBe(
      1,
    );
    expect(want.get(key('overrides', Math.floor((START + 3 * HOUR) / (15 * MINUTE)), ''))).toBe(1);
    expect(await stored(q.testApp)).toEqual(want);
    // An upgrade: the migration fills the aggregates from the rows already there.
    const { dataSource } = q.testApp;
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(true);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await stored(q.testApp)).toEqual(want);
    // A retry after a stop half-way (MySQL keeps the tables a failed attempt created): the
    // migration starts over on the tables it finds, and counts nothing twice.
    const runner = dataSource.createQueryRunner();
    try {
      await new ReportAggregates1768500000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await stored(q.testApp)).toEqual(want);
  });

  it('should stay exact with two instances writing at once', async () => {
    const second = await startTestApp({
      database: q.testApp.database,
      env: { AGING_INTERVAL_MS: '0' },
    });
    try {
      q.testApp.setNow(undefined);
      const apps = [q.http, new Http(second.baseUrl)];
      const patch = (i: number, id: number, status: string) =>
        apps[i % 2].request('PATCH', `/tickets/${id}`, { status }, { token: q.tokens.agent });
      // Creations race for the counters of the current slot, resolutions for theirs.
      const created = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          apps[i % 2].post(
            '/tickets',
            { ...(i % 3 ? P2 : P3), title: `race ${i}` },
            { token: q.tokens.reporter },
          ),
        ),
      );
      expect(created.map((res) => res.status)).toEqual(created.map(() => 201));
      const ids = created.map((res) => res.body.id as number);
      // Starting assigns the agent (one users row for all); done one at a time.
      for (const [i, id] of ids.entries()) {
        expect((await patch(i, id, 'in_progress')).status).toBe(200);
      }
      const resolved = await Promise.all(ids.map((id, i) => patch(i, id, 'resolved')));
      expect(resolved.map((res) => res.status)).toEqual(ids.map(() => 200));
      const reopened = await Promise.all(ids.slice(0, 8).map((id, i) => patch(i, id, 'open')));
      expect(reopened.map((res) => res.status)).toEqual(reopened.map(() => 200));
      expect(await stored(q.testApp)).toEqual(await recomputed(q.testApp));
    } finally {
      await second.stop();
    }
  });
});
