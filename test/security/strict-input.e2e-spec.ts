import { connect } from 'node:net';

import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import type { TestApp } from '../helpers/test-app';
import { ADMIN, startSecureApp, type SecurityClient, type Session } from './support';

/** Every way of writing 1 (or a number too large) that is not the one canonical form. */
const LENIENT_IDS = [
  '1.0',
  '+1',
  '0x1',
  '%201',
  '1%20',
  '1e0',
  '01',
  '-1',
  '0',
  '99999999999999999999',
  '2147483648',
];
const LENIENT_NUMBERS = ['0x10', '1e1', '+5', '%205', '5.0', '05', '99999999999999999999', ''];

/** Writes raw bytes on one socket and returns everything the server answered until it closed. */
function rawExchange(baseUrl: string, bytes: string): Promise<string> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}

/** The status, headers and JSON body of each HTTP response in `answer`. */
function responsesIn(answer: string) {
  return answer
    .split(/(?=HTTP\/1\.1 \d{3} )/)
    .filter(Boolean)
    .map((text) => {
      const [head, body] = text.split('\r\n\r\n');
      const [status, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [
          line.split(':')[0].toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      return {
        status: Number(status.split(' ')[1]),
        headers,
        body: JSON.parse(body) as Record<string, unknown>,
      };
    });
}

describe.each(databaseKinds())('canonical integers and problem+json everywhere (%s)', (kind) => {
  let testApp: TestApp;
  let http: SecurityClient;
  let admin: Session;
  let ticketId: number;

  beforeAll(async () => {
    ({ testApp, http } = await startSecureApp(kind));
    admin = await http.login(ADMIN.username, ADMIN.password);
    const created = await http.post(
      '/tickets',
      { issue_type: 'minor', impact: 1, customer_type: 'free' },
      { token: admin.access },
    );
    ticketId = created.body.id;
  }, 30_000);

  afterAll(() => testApp?.close());

  it.each([
    ['a path parameter of 300 digits', `/tickets/${'9'.repeat(300)}`],
    ['a malformed percent-encoding', '/tickets/%E0%A4%A'],
  ])("should answer %s with a 400 problem, not the router's own JSON", async (_, path) => {
    const result = await http.get(path, { token: admin.access });
    expectProblem(result, 400);
    expect(result.body.request_id).toEqual(expect.any(String));
  });

  it('should still read the canonical id', async () => {
    expect(ticketId).toBe(1);
    expect((await http.get('/tickets/1', { token: admin.access })).status).toBe(200);
    expect((await http.get('/tickets/1/events', { token: admin.access })).status).toBe(200);
  });

  it.each(LENIENT_IDS)('should refuse the id %s with a 400 on every id route', async (id) => {
    const token = admin.access;
    for (const result of [
      await http.get(`/tickets/${id}`, { token }),
      await http.get(`/tickets/${id}/events`, { token }),
      await http.patch(`/tickets/${id}`, { status: 'in_progress' }, { token }),
      await http.patch(`/users/${id}`, { role: 'agent' }, { token }),
    ]) {
      expectProblem(result, 400);
      expect(result.body.detail).toMatch(/^id must be a whole number from 1 to 2147483647/);
    }
  });

  it.each(LENIENT_NUMBERS)('should refuse limit=%s and page=%s with a 400', async (value) => {
    for (const path of [
      `/tickets?limit=${value}`,
      `/tickets?page=${value}`,
      `/users?limit=${value}`,
    ]) {
      expectProblem(await http.get(path, { token: admin.access }), 400);
    }
  });

  it('should document each id as an integer path parameter', async () => {
    const document = (await http.get('/docs-json')).body;
    for (const [path, method] of [
      ['/tickets/{id}', 'get'],
      ['/tickets/{id}', 'patch'],
      ['/tickets/{id}/events', 'get'],
      ['/users/{id}', 'patch'],
    ]) {
      expect(document.paths[path][method].parameters).toContainEqual(
        expect.objectContaining({
          name: 'id',
          in: 'path',
          required: true,
          schema: { type: 'integer', minimum: 1, maximum: 2147483647 },
        }),
      );
    }
  });

  it('should read canonical numbers', async () => {
    const page = await http.get('/tickets?limit=16&page=1', { token: admin.access });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ limit: 16, page: 1 });
  });

  it('should answer an oversized header with a 431 problem', async () => {
    const answer = await rawExchange(
      testApp.baseUrl,
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    const [response] = responsesIn(answer);
    expect(response.status).toBe(431);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'about:blank',
      status: 431,
      title: 'Request Header Fields Too Large',
    });
    expect(response.body.request_id).toEqual(expect.any(String));
  });

  it('should answer the body of a GET sent without a length (read as garbage) with a 400 problem', async () => {
    const answer = await rawExchange(
      testApp.baseUrl,
      `GET /health HTTP/1.1\r\nHost: x\r\n\r\n{"q":1}\r\n\r\n`,
    );
    // Node may fail the connection before it answers the GET itself; either way the bytes
    // after it are answered with a problem.
    const responses = responsesIn(answer);
    const last = responses.pop()!;
    expect(responses.map((r) => r.status)).toEqual(responses.length ? [200] : []);
    expect(last.status).toBe(400);
    expect(last.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(last.body).toMatchObject({ type: 'about:blank', status: 400, title: 'Bad Request' });
  });

  it('should ignore the body of a GET sent with a length', async () => {
    const answer = await rawExchange(
      testApp.baseUrl,
      `GET /health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{"q":1}`,
    );
    expect(responsesIn(answer).map((r) => r.status)).toEqual([200]);
  });
});
