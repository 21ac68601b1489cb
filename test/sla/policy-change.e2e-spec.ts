import { PolicyRescoreService } from '../../apps/api/src/policy/policy-rescore.service';
import { databaseKinds } from '../helpers/databases';
import { Http } from '../helpers/http';
import { startTestApp } from '../helpers/test-app';
import { BERLIN_POLICY, MINUTE, policyFile, startSlaApp, type SlaApp } from './sla-app';

const P1 = { issue_type: 'critical', impact: 150, customer_type: 'enterprise', title: 'Down' };
const T0 = new Date('2026-12-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(databaseKinds())(
  'SLA across a policy change and for done tickets on %s',
  (database) => {
    let s: SlaApp;

    beforeEach(async () => {
      s = await startSlaApp(database);
    });
    afterEach(() => s.testApp.close());

    const slaEvents = async (http: Http, id: number) =>
      (await http.get(`/tickets/${id}/events`, { token: s.tokens.agent })).body
        .filter((e: { type: string }) => e.type.startsWith('sla_'))
        .map((e: { type: string; data: object }) => ({ type: e.type, ...e.data }));

    it('should apply a new policy version to existing tickets, and only warn about a new file', async () => {
      s.testApp.setNow(T0);
      const id = (await s.http.post('/tickets', P1, { token: s.tokens.reporter })).body.id;
      const admin = { token: s.tokens.admin };
      const active = (await s.http.get('/admin/policy', admin)).body;
      const stricter = structuredClone(BERLIN_POLICY);
      stricter.targets.P1.first_response_minutes = 10;
      s.testApp.setNow(at(11 * MINUTE));
      const saved = await s.http.request(
        'PUT',
        '/admin/policy',
        { weights: active.weights, sla: stricter, reason: 'First answers within 10 minutes.' },
        admin,
      );
      expect(saved.status).toBe(200);
      const ticket = (await s.http.get(`/tickets/${id}`, { token: s.tokens.agent })).body;
      expect(ticket.sla.first_response).toMatchObject({ target_minutes: 10, breached: true });
      expect(
        (await s.http.get('/tickets?sla=breached', { token: s.tokens.agent })).body.tickets,
      ).toEqual([]);
      expect(await s.testApp.app.get(PolicyRescoreService).rescoreDue()).toBe(1);
      expect(await s.check()).toBe(1);
      expect(await slaEvents(s.http, id)).toEqual([
        {
          type: 'sla_warning',
          metric: 'first_response',
          level: 'P1',
          due_at: at(10 * MINUTE).toISOString(),
        },
        {
          type: 'sla_breached',
          metric: 'first_response',
          level: 'P1',
          due_at: at(10 * MINUTE).toISOString(),
        },
      ]);
      const breached = (await s.http.get('/tickets?sla=breached', { token: s.tokens.agent })).body;
      expect(breached.tickets.map((t: { id: number }) => t.id)).toEqual([id]);

      // The database is the source of truth: another file at the next start is only logged.
      await s.testApp.stop();
      const looser = structuredClone(BERLIN_POLICY);
      looser.targets.P1.first_response_minutes = 600;
      const restarted = await startTestApp({
        database: s.testApp.database,
        env: {
          SLA_POLICY_FILE: policyFile(looser),
          SLA_CHECK_INTERVAL_MS: '0',
          AGING_INTERVAL_MS: '0',
        },
      });
      try {
        const http = new Http(restarted.baseUrl);
        const again = (await http.get(`/tickets/${id}`, { token: s.tokens.agent })).body;
        expect(again.sla.first_response.target_minutes).toBe(10);
      } finally {
        await restarted.stop();
      }
    });

    it('should meet the resolution at the first resolve, keep it after reopening, and sort done tickets last', async () => {
      s.testApp.setNow(T0);
      const done = (await s.http.post('/tickets', P1, { token: s.tokens.reporter })).body.id;
      const waiting = (await s.http.post('/tickets', P1, { token: s.tokens.reporter })).body.id;
      const patch = (id: number, body: object) =>
        s.http.request('PATCH', `/tickets/${id}`, body, { token: s.tokens.agent });
      s.testApp.setNow(at(30 * MINUTE));
      await patch(done, { status: 'in_progress' });
      await patch(done, { status: 'resolved' });
      s.testApp.setNow(at(90 * MINUTE));
      const sorted = (
        await s.http.get('/tickets?sort=sla_due&status=all', { token: s.tokens.agent })
      ).body.tickets;
      expect(sorted.map((t: { id: number }) => t.id)).toEqual([waiting, done]);
      expect(sorted[1].sla.resolution).toMatchObject({
        met_at: at(30 * MINUTE).toISOString(),
        breached: false,
        remaining_minutes: null,
      });
      await patch(done, { status: 'open' });
      const reopened = (await s.http.get(`/tickets/${done}`, { token: s.tokens.agent })).body;
      expect(reopened.resolved_at).toBeNull();
      expect(reopened.sla.resolution.met_at).toBe(at(30 * MINUTE).toISOString());
    });
  },
);
