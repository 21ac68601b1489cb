import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { MINUTE, startQueueApp, type QueueApp } from './queue-app';

const NOW = new Date('2026-08-01T12:00:00.000Z');
const ISSUES = ['critical', 'major', 'minor'];
const CUSTOMERS = ['enterprise', 'paid', 'free'];

/** 30 tickets with many equal scores, so ties on score and on created_at are exercised. */
const seedRows = () =>
  Array.from({ length: 30 }, (_, i) => ({
    issue_type: ISSUES[i % 3],
    customer_type: CUSTOMERS[Math.floor(i / 3) % 3],
    impact: 50,
    // Pairs of tickets share a created_at, so only the id breaks their tie.
    created_at: new Date(NOW.getTime() - Math.floor(i / 2) * 7 * MINUTE).toISOString(),
  }));

interface Row {
  id: number;
  priority_score: number;
  created_at: string;
}

describe.each(databaseKinds())('cursor pagination on %s', (database) => {
  let q: QueueApp;
  let seeded: number[];

  beforeAll(async () => {
    q = await startQueueApp(database);
  });
  afterAll(() => q.testApp.close());
  beforeEach(async () => {
    q.testApp.setNow(NOW);
    await q.testApp.dataSource.query('DELETE FROM tickets');
    const imported = await q.http.post('/tickets/import', seedRows(), { token: q.tokens.admin });
    seeded = imported.body.tickets.map((t: Row) => t.id);
  });

  const list = (query: string, token = q.tokens.agent) =>
    q.http.get(`/tickets?${query}`, { token });

  /** Follows next_cursor to the end, calling `between` after each page. */
  async function walk(query: string, between: (page: number) => Promise<void> = async () => {}) {
    const seen: Row[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const result = await list(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(result.status).toBe(200);
      seen.push(...result.body.tickets);
      cursor = result.body.next_cursor;
      if (!cursor) return seen;
      await between(page);
    }
    throw new Error('the cursor never ended');
  }

  it('should return the same order as one big page, without duplicates or gaps', async () => {
    const all = (await list('limit=100')).body.tickets.map((t: Row) => t.id);
    const walked = (await walk('limit=7')).map((t) => t.id);
    expect(walked).toEqual(all);
    expect(new Set(walked)).toEqual(new Set(seeded));
  });

  it('should stay stable while tickets of every priority arrive between pages', async () => {
    const arrivals: number[] = [];
    const walked = await walk('limit=4', async (page) => {
      for (const [issue, customer] of [
        ['critical', 'enterprise'],
        ['minor', 'free'],
        ['major', 'paid'],
      ]) {
        q.testApp.setNow(new Date(NOW.getTime() + (page + 1) * 1000));
        const body = { issue_type: issue, customer_type: customer, impact: 500 };
        arrivals.push((await q.http.post('/tickets', body, { token: q.tokens.reporter })).body.id);
      }
    });
    const ids = walked.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length); // no duplicates
    expect(ids.filter((id) => seeded.includes(id)).sort()).toEqual([...seeded].sort()); // no gaps
    for (let i = 1; i < walked.length; i++) {
      expect(walked[i].priority_score).toBeLessThanOrEqual(walked[i - 1].priority_score);
    }
    expect(arrivals.length).toBeGreaterThan(0);
  });

  it.each(['created_at', '-created_at'])('should page by cursor in %s order', async (sort) => {
    const all = (await list(`sort=${sort}&limit=100`)).body.tickets.map((t: Row) => t.id);
    expect((await walk(`sort=${sort}&limit=3`)).map((t) => t.id)).toEqual(all);
  });

  it('should combine a cursor with filters', async () => {
    const all = (await list('issue_type=critical&limit=100')).body.tickets.map((t: Row) => t.id);
    expect(all).toHaveLength(10);
    expect((await walk('issue_type=critical&limit=3')).map((t) => t.id)).toEqual(all);
  });

  it('should give a next_cursor from page-number pages too, and null on the last page', async () => {
    const first = (await list('limit=20')).body;
    expect(first.total).toBe(30);
    const rest = (await list(`limit=20&cursor=${first.next_cursor}`)).body;
    expect(rest.tickets).toHaveLength(10);
    expect(rest.next_cursor).toBeNull();
    expect((await list('page=2&limit=20')).body.tickets).toEqual(rest.tickets);
  });

  it('should keep a reporter to their own tickets when paging by cursor', async () => {
    const own = await q.http.post(
      '/tickets',
      { issue_type: 'minor', impact: 1, customer_type: 'free' },
      { token: q.tokens.reporter },
    );
    const first = (await list('limit=100', q.tokens.reporter)).body;
    expect(first.tickets.map((t: Row) => t.id)).toEqual([own.body.id]);
    expect(first.total).toBe(1);
  });

  it.each([
    ['garbage', 'cursor=not-a-cursor'],
    ['a tampered cursor', `cursor=${Buffer.from('["priority","x",1]').toString('base64url')}`],
    [
      'a cursor of another order',
      `sort=created_at&cursor=${Buffer.from('["priority",1,1]').toString('base64url')}`,
    ],
    [
      'a cursor with a page number',
      `page=2&cursor=${Buffer.from('["priority",1,1]').toString('base64url')}`,
    ],
    ['an overlong cursor', `cursor=${'a'.repeat(201)}`],
  ])('should answer 400 to %s', async (_label, query) => {
    expectProblem(await list(query), 400);
  });
});
