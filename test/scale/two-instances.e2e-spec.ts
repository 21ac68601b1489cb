import { MIGRATIONS } from '../../migrations';
import { SseClient } from '../stream/sse-client';
import {
  AUTH_PER_MIN,
  JOB_INTERVAL_MS,
  startCluster,
  type Cluster,
  type ClusterUser,
} from './helpers/cluster';
import { hasNginx } from './helpers/nginx';
import { SLA, weightsWith } from '../policy/policy-app';
import { Receiver } from '../webhooks/webhooks-app';

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Issue #15, "Several instances": two built instances on one MariaDB database and one Redis,
// behind nginx (round robin). Every property is shown through the load balancer, in a describe
// of its own.
jest.setTimeout(60_000);

const redisUrl = process.env.TEST_REDIS_URL;
const ready = Boolean(process.env.TEST_DATABASE_URL && redisUrl && hasNginx());
if (!ready) {
  console.warn(
    '\n*** two instances behind nginx: needs TEST_DATABASE_URL, TEST_REDIS_URL and nginx; SKIPPED. ***\n',
  );
}

const P1 = { issue_type: 'critical', impact: 150, customer_type: 'enterprise' };
const HOUR = 3_600_000;

(ready ? describe : describe.skip)('two built instances behind nginx', () => {
  let c: Cluster;
  let admin: ClusterUser;
  let reporter: ClusterUser;

  beforeAll(async () => {
    c = await startCluster(redisUrl!);
    admin = await c.user('admin');
    reporter = await c.user('reporter');
  }, 240_000);
  afterAll(() => c?.stop(), 30_000);

  describe('migrations when both start at once on an empty database', () => {
    it('should have migrated once (the other instance waited on the lock) and serve from both', async () => {
      const rows = await c.sql<{ name: string }>('SELECT name FROM migrations ORDER BY id');
      expect(rows.map((row) => row.name)).toEqual(MIGRATIONS.map((m) => m.name));
      const applied = c.instances.filter((i) =>
        i.stdout().includes(`applied ${MIGRATIONS.length} migrations`),
      );
      expect(applied).toHaveLength(1);
      const answered = new Set<string>();
      for (let i = 0; i < 4; i++) answered.add((await c.call('GET', '/health/ready')).upstream);
      expect([...answered].sort()).toEqual([...c.upstreams].sort());
    });
  });

  describe('rate limits', () => {
    it('should count one limit for both instances', async () => {
      const from = '127.0.0.250';
      const attempts = [];
      for (let i = 0; i < AUTH_PER_MIN * 2; i++) {
        attempts.push(
          await c.call('POST', '/auth/login', {
            body: { username: 'no.such.user', password: 'wrong-password' },
            from,
          }),
        );
      }
      expect(attempts.map((a) => a.status)).toEqual([
        ...Array<number>(AUTH_PER_MIN).fill(401),
        ...Array<number>(AUTH_PER_MIN).fill(429),
      ]);
      expect(new Set(attempts.map((a) => a.upstream)).size).toBe(2);
    });
  });

  describe('logout', () => {
    it('should reject the token on the other instance at once', async () => {
      const user = await c.user('reporter');
      const before = [await c.call('GET', '/auth/me', user), await c.call('GET', '/auth/me', user)];
      expect(before.map((r) => r.status)).toEqual([200, 200]);
      const out = await c.call('POST', '/auth/logout', { ...user, body: {} });
      expect(out.status).toBe(204);
      const after = [await c.call('GET', '/auth/me', user), await c.call('GET', '/auth/me', user)];
      expect(after.map((r) => r.status)).toEqual([401, 401]);
      expect(new Set(after.map((r) => r.upstream)).size).toBe(2);
    });
  });

  describe('claim-next', () => {
    it('should never hand a ticket out twice under concurrent claims on both instances', async () => {
      const agents = await Promise.all([c.user('agent'), c.user('agent'), c.user('agent')]);
      await c.sql("UPDATE tickets SET status = 'closed'"); // only this test's tickets are open
      const tickets = 12;
      for (let i = 0; i < tickets; i++) {
        const created = await c.call('POST', '/tickets', {
          ...reporter,
          body: { ...P1, title: `claim ${i}` },
        });
        expect(created.status).toBe(201);
      }
      const claims = await Promise.all(
        Array.from({ length: tickets * 2 }, (_, i) =>
          c.call('POST', '/tickets/claim', { ...agents[i % agents.length], body: {} }),
        ),
      );
      const won = claims.filter((claim) => claim.status === 200);
      expect(claims.filter((claim) => claim.status === 204)).toHaveLength(tickets);
      expect(won).toHaveLength(tickets);
      expect(new Set(won.map((claim) => claim.body.id)).size).toBe(tickets);
      expect(new Set(claims.map((claim) => claim.upstream)).size).toBe(2);
      const doubled = await c.sql(
        "SELECT ticket_id FROM ticket_events WHERE type = 'claimed' GROUP BY ticket_id HAVING COUNT(*) > 1",
      );
      expect(doubled).toEqual([]);
    });
  });

  describe('aging and SLA events', () => {
    it('should record each level rise and each SLA warning or breach once, with both instances running the jobs', async () => {
      const now = Date.now();
      const imported = await c.call('POST', '/tickets/import', {
        ...admin,
        body: {
          tickets: [
            // Crosses the 4 h age boundary in 2 s: P1 → P0.
            { ...P1, title: 'ages', created_at: new Date(now - 4 * HOUR + 2_000).toISOString() },
            // First response (60 min for P1) long overdue: warning and breach due at once.
            { ...P1, title: 'breached', created_at: new Date(now - 2 * HOUR).toISOString() },
          ],
        },
      });
      expect(imported.status).toBe(201);
      const [aging, breached] = (imported.body.tickets as Array<{ id: number }>).map((t) => t.id);
      const eventsOf = async (id: number) =>
        c.sql<{ type: string; data: string }>(
          'SELECT type, data FROM ticket_events WHERE ticket_id = ? ORDER BY id',
          [id],
        );
      const deadline = Date.now() + 15_000;
      for (;;) {
        const rose = (await eventsOf(aging)).some((e) => e.type === 'level_raised');
        const breach = (await eventsOf(breached)).some((e) => e.type === 'sla_breached');
        if ((rose && breach) || Date.now() > deadline) break;
        await new Promise((done) => setTimeout(done, 100));
      }
      await new Promise((done) => setTimeout(done, JOB_INTERVAL_MS * 5)); // more passes of both
      const agingEvents = await eventsOf(aging);
      expect(
        agingEvents.filter((e) => e.type === 'level_raised').map((e) => JSON.parse(e.data)),
      ).toEqual([expect.objectContaining({ from: 'P1', to: 'P0' })]);
      const slaEvents = (await eventsOf(breached)).filter((e) => e.type.startsWith('sla_'));
      expect(slaEvents.map((e) => [e.type, JSON.parse(e.data).metric])).toEqual(
        expect.arrayContaining([
          ['sla_warning', 'first_response'],
          ['sla_breached', 'first_response'],
        ]),
      );
      for (const events of [agingEvents, slaEvents]) {
        const keys = events.map((e) => `${e.type} ${e.data}`);
        expect(new Set(keys).size).toBe(keys.length);
      }
    });
  });

  describe('live stream', () => {
    it('should deliver within 1 s, to a stream on one instance, an event caused on the other', async () => {
      const agent = await c.user('agent');
      const stream = await SseClient.open(c.lb.baseUrl, { token: agent.token });
      try {
        expect(stream.status).toBe(200);
        const streamOn = String(stream.headers['x-upstream']);
        let created;
        do {
          created = await c.call('POST', '/tickets', {
            ...reporter,
            body: { ...P1, title: 'live' },
          });
          expect(created.status).toBe(201);
        } while (created.upstream === streamOn);
        await stream.waitFor('ticket.created', created.body.id, 1, 1_000);
      } finally {
        stream.close();
      }
    });
  });

  describe('webhooks', () => {
    it('should deliver each event exactly once by webhook-id although both instances run relays', async () => {
      const receiver = await new Receiver().start();
      try {
        const hook = await c.call('POST', '/admin/webhooks', {
          ...admin,
          body: { url: receiver.url, events: ['ticket.created'] },
        });
        expect(hook.status).toBe(201);
        const upstreams = new Set<string>();
        for (let i = 0; i < 10; i++) {
          const created = await c.call('POST', '/tickets', {
            ...reporter,
            body: { ...P1, title: `hook ${i}` },
          });
          expect(created.status).toBe(201);
          upstreams.add(created.upstream);
        }
        expect(upstreams.size).toBe(2);
        await waitUntil(() => new Set(receiver.ids()).size >= 10, 15_000);
        // Both relays have had several passes since: a second delivery would have arrived.
        await new Promise((resolve) => setTimeout(resolve, 6 * JOB_INTERVAL_MS));
        expect(receiver.ids()).toHaveLength(10);
        expect(new Set(receiver.ids()).size).toBe(10);
      } finally {
        await receiver.stop();
      }
    });
  });

  describe('policy activation', () => {
    it('should use a policy activated on one instance on both within 10 s', async () => {
      const saved = await c.call('PUT', '/admin/policy', {
        ...admin,
        body: { weights: weightsWith(9), sla: SLA, reason: 'Enterprise customers weigh more' },
      });
      expect(saved.status).toBe(200);
      const version = saved.body.version;
      const started = Date.now();
      const seen = new Map<string, number>();
      while (Date.now() - started < 10_000) {
        const created = await c.call('POST', '/tickets', { ...reporter, body: P1 });
        expect(created.status).toBe(201);
        seen.set(created.upstream, created.body.policy_version);
        if (seen.size === 2 && [...seen.values()].every((v) => v === version)) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect([...seen.values()]).toEqual([version, version]);
    });
  });
});
