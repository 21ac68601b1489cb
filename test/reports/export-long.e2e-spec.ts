import { request } from 'node:http';

import { Ticket } from '../../apps/api/src/tickets/ticket.entity';
import { databaseKinds } from '../helpers/databases';
import { startQueueApp, type QueueApp } from '../queue/queue-app';
import { csvObjects } from './csv-parse';

/** The backstop of every request in this app; the export must outlive it. */
const REQUEST_TIMEOUT_MS = 1_000;
// 32,768 tickets of about 400 bytes: more than the sockets buffer, and more than a second to write
const DOUBLINGS = 15;
const TICKET = { issue_type: 'minor', impact: 3, customer_type: 'free' } as const;

/** Reads an answer, first pausing `pauseMs` after its headers, as a slow client would. */
function slowRead(url: string, token: string, pauseMs: number) {
  return new Promise<{ status: number; body: string; complete: boolean }>((resolve, reject) => {
    request(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      response.pause();
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      const done = () =>
        resolve({ status: response.statusCode ?? 0, body, complete: response.complete });
      response.on('end', done);
      response.on('error', done);
      response.on('aborted', done);
      setTimeout(() => response.resume(), pauseMs);
    })
      .on('error', reject)
      .end();
  });
}

describe.each(databaseKinds())('a long CSV export on %s', (database) => {
  let q: QueueApp;

  beforeAll(async () => {
    q = await startQueueApp(database, { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
    const first = await q.http.post(
      '/tickets',
      { ...TICKET, title: `Slow export ${'x'.repeat(180)}` },
      { token: q.tokens.agent },
    );
    if (first.status !== 201) throw new Error(`create: ${first.text}`);
    const columns = q.testApp.dataSource
      .getMetadata(Ticket)
      .columns.filter((column) => !column.isPrimary && !column.asExpression)
      .map((column) => column.databaseName)
      .join(', ');
    for (let i = 0; i < DOUBLINGS; i++) {
      await q.testApp.dataSource.query(
        `INSERT INTO tickets (${columns}) SELECT ${columns} FROM tickets`,
      );
    }
  }, 120_000);

  afterAll(() => q.testApp.close());

  it('should stream to a slow client past REQUEST_TIMEOUT_MS, to the last ticket', async () => {
    const started = Date.now();
    const answer = await slowRead(
      `${q.testApp.baseUrl}/tickets/export.csv?status=all`,
      q.tokens.agent,
      REQUEST_TIMEOUT_MS * 2,
    );
    expect(Date.now() - started).toBeGreaterThan(REQUEST_TIMEOUT_MS * 2);
    expect(answer.status).toBe(200);
    expect(answer.complete).toBe(true);
    expect(csvObjects(answer.body)).toHaveLength(2 ** DOUBLINGS);
  }, 60_000);

  it('should still answer an ordinary request within REQUEST_TIMEOUT_MS', async () => {
    const page = await q.http.get('/tickets?limit=5', { token: q.tokens.agent });
    expect(page.status).toBe(200);
  });
});
