import { PriorityService } from '@app/priority';
import { webhookTypeOf } from '@app/webhooks';

import { SlaService } from '../../apps/api/src/sla/sla.service';
import { ACTIVE_STATUSES, Ticket } from '../../apps/api/src/tickets/ticket.entity';
import { factsOf, scoreFields } from '../../apps/api/src/tickets/ticket-scoring';
import { databaseKinds } from '../helpers/databases';
import { SLA, startPolicyApp, weightsWith, type PolicyApp } from './policy-app';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const HOUR = 3_600_000;
const STATUSES = ['open', 'in_progress', 'pending', 'resolved'] as const;
const COLUMNS =
  'id, priority_score, priority_level, scored_at, queue_key, next_rescore_at, policy_version, ' +
  'sla_due_key, sla_breach_at, sla_risk_from, sla_risk_until, sla_next_check_at';

/** Both drivers' DATETIME (mysql2: a Date; better-sqlite3: UTC text) and BIGINT, made alike. */
const NUMERIC = new Set(['id', 'priority_score', 'queue_key', 'policy_version', 'sla_due_key']);
const plain = (key: string, value: unknown) => {
  if (NUMERIC.has(key)) return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\d \d/.test(value)) {
    return new Date(`${value.replace(' ', 'T')}Z`).toISOString();
  }
  return value;
};

jest.setTimeout(60_000);

describe.each(databaseKinds())('policy re-score columns on %s', (database) => {
  let p: PolicyApp;

  beforeAll(async () => {
    p = await startPolicyApp(database, 'rescorecols', { POLICY_RESCORE_BATCH_SIZE: '7' });
    p.testApp.setNow(NOW);
  });
  afterAll(() => p.testApp.close());

  it('should store what scoring each ticket alone gives, in batches, with its events and outbox rows', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      issue_type: ['critical', 'major', 'minor'][i % 3],
      customer_type: ['enterprise', 'paid', 'free'][i % 3 === 0 ? 0 : (i >> 1) % 3],
      impact: [1, 20, 150, 900][i % 4],
      title: `#${i}`,
      created_at: new Date(NOW.getTime() - (i * 7 + 1) * HOUR).toISOString(),
      status: STATUSES[i % 4],
    }));
    const imported = await p.http.post(
      '/tickets/import',
      { tickets: rows },
      { token: p.tokens.admin },
    );
    expect(imported.status).toBe(201);
    const db = p.testApp.dataSource;
    await db.query(
      'INSERT INTO webhooks (url, events, active, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      [
        'https://hooks.example.com/x',
        JSON.stringify([webhookTypeOf('policy_rescored')]),
        1,
        's'.repeat(40),
        '2026-12-01 09:00:00.000',
        '2026-12-01 09:00:00.000',
      ],
    );
    const sla = structuredClone(SLA);
    sla.targets.P0.resolution_minutes = 30;
    sla.targets.P2.calendar = 'always';
    const saved = await p.http.request(
      'PUT',
      '/admin/policy',
      { weights: weightsWith(9), sla, reason: 'Enterprise weighs 9, P2 around the clock.' },
      { token: p.tokens.admin },
    );
    expect(saved.status).toBe(200);
    const before = await db.getRepository(Ticket).find({ order: { id: 'ASC' } });
    const active = before.filter((t) => ACTIVE_STATUSES.includes(t.status));
    expect(await p.rescore()).toBe(active.length);

    const priority = p.testApp.app.get(PriorityService);
    const slas = p.testApp.app.get(SlaService);
    const weights = priority.weightsOf(2)!;
    const expected = active.map((ticket) => {
      const scored = scoreFields(
        ticket,
        priority.score(factsOf(ticket), NOW, weights),
        NOW,
        weights,
        2,
      );
      const columns = { ...scored, ...slas.columns({ ...ticket, ...scored }, NOW) };
      return {
        id: ticket.id,
        priority_score: columns.priorityScore,
        priority_level: columns.priorityLevel,
        scored_at: columns.scoredAt.toISOString(),
        queue_key: columns.queueKey,
        next_rescore_at: columns.nextRescoreAt?.toISOString() ?? null,
        policy_version: 2,
        sla_due_key: columns.slaDueKey,
        sla_breach_at: columns.slaBreachAt?.toISOString() ?? null,
        sla_risk_from: columns.slaRiskFrom?.toISOString() ?? null,
        sla_risk_until: columns.slaRiskUntil?.toISOString() ?? null,
        sla_next_check_at: columns.slaNextCheckAt?.toISOString() ?? null,
      };
    });
    const stored: Record<string, unknown>[] = await db.query(
      `SELECT ${COLUMNS} FROM tickets WHERE status <> 'resolved' ORDER BY id`,
    );
    const storedPlain = stored.map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(key, value)])),
    );
    expect(storedPlain).toEqual(expected);

    const moved = active.filter((t, i) => t.priorityLevel !== expected[i].priority_level);
    expect(moved.length).toBeGreaterThan(0);
    const events: { id: number; ticket_id: number }[] = await db.query(
      "SELECT id, ticket_id FROM ticket_events WHERE type = 'policy_rescored' ORDER BY ticket_id",
    );
    expect(events.map((e) => Number(e.ticket_id))).toEqual(moved.map((t) => t.id));
    const deliveries: { event_id: number }[] = await db.query(
      'SELECT event_id FROM webhook_deliveries ORDER BY event_id',
    );
    expect(deliveries.map((d) => Number(d.event_id)).sort((a, b) => a - b)).toEqual(
      events.map((e) => Number(e.id)).sort((a, b) => a - b),
    );
  });
});
