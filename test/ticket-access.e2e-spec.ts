import { databaseKinds } from './helpers/databases';
import { expectProblem, Http } from './helpers/http';
import { startTestApp, type TestApp } from './helpers/test-app';

describe.each(databaseKinds())('who sees which ticket on %s', (database) => {
  let testApp: TestApp;
  let http: Http;
  const tokens: Record<'ann' | 'ben' | 'agent', string> = { ann: '', ben: '', agent: '' };
  let annTicket: number;

  beforeAll(async () => {
    testApp = await startTestApp({ database });
    http = new Http(testApp.baseUrl);
    for (const name of ['ann', 'ben', 'agent'] as const) {
      tokens[name] = await http.signUp(`user.${name}`);
    }
    await testApp.dataSource.query(`UPDATE users SET role = 'agent' WHERE username = 'user.agent'`);
    const body = { issue_type: 'minor', impact: 1, customer_type: 'free' };
    annTicket = (await http.post('/tickets', body, { token: tokens.ann })).body.id;
    await http.post('/tickets', body, { token: tokens.ben });
  });

  afterAll(() => testApp.close());

  it("should hide another reporter's ticket behind a 404", async () => {
    expectProblem(await http.get(`/tickets/${annTicket}`, { token: tokens.ben }), 404);
    expect((await http.get(`/tickets/${annTicket}`, { token: tokens.ann })).status).toBe(200);
  });

  it('should list only their own tickets to a reporter, whatever the query', async () => {
    for (const query of ['', '?status=open', '?sort=-created_at&limit=100']) {
      const result = await http.get(`/tickets${query}`, { token: tokens.ben });
      expect(result.body.total).toBe(1);
      expect(result.body.tickets.every((t: { id: number }) => t.id !== annTicket)).toBe(true);
    }
  });

  it('should show the whole queue to an agent', async () => {
    expect((await http.get('/tickets', { token: tokens.agent })).body.total).toBe(2);
    expect((await http.get(`/tickets/${annTicket}`, { token: tokens.agent })).status).toBe(200);
  });
});
