import { TicketEvent } from '../../apps/api/src/ticket-events/ticket-event.entity';
import { databaseKinds } from '../helpers/databases';
import { MINUTE, startQueueApp, type QueueApp } from '../queue/queue-app';

type Level = 'P2' | 'P3';
type Metric = 'first_response' | 'resolution';

/** major+paid+50 = 9 (P2), minor+free+5 = 3 (P3), as in summary.e2e-spec.ts. */
const FACTS: Record<Level, object> = {
  P2: { issue_type: 'major', impact: 50, customer_type: 'paid' },
  P3: { issue_type: 'minor', impact: 5, customer_type: 'free' },
};
const RANGE_START = Date.parse('2026-03-10T00:00:00.000Z');
const RANGE_END = Date.parse('2026-03-13T00:00:00.000Z');
const IMPORTED_AT = new Date('2026-03-20T00:00:00.000Z');

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

interface Made {
  level: Level;
  createdMs: number;
  /** Milliseconds after creation; null when it never happened. */
  after: Record<Metric, number | null>;
  breached: Set<Metric>;
}

/** Tickets around and inside the range, with durations to the second and random breaches. */
function makeHistory(count: number): Made[] {
  const random = lcg(20_260_310);
  const within = (min: number, max: number) => Math.floor(min + random() * (max - min));
  return Array.from({ length: count }, () => {
    const firstResponse = random() < 0.8 ? within(1, 600) * 1000 * 7 : null;
    const resolution = random() < 0.6 ? (firstResponse ?? 0) + within(1, 5_000) * 1000 * 13 : null;
    const breached = new Set<Metric>();
    if (random() < 0.3) breached.add('first_response');
    if (random() < 0.3) breached.add('resolution');
    return {
      level: random() < 0.6 ? 'P2' : 'P3',
      createdMs: within(RANGE_START - 86_400_000, RANGE_END + 86_400_000),
      after: { first_response: firstResponse, resolution },
      breached,
    };
  });
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The definition in docs/reports.md, computed the slow way: every ticket, sorted in memory. */
function expected(
  made: Made[],
  metric: Metric,
  level: Level,
  [start, end] = [RANGE_START, RANGE_END],
) {
  const mine = made.filter((t) => t.level === level && t.createdMs >= start && t.createdMs < end);
  const values = mine
    .flatMap((t) => (t.after[metric] === null ? [] : [Math.round(t.after[metric] / 6000) / 10]))
    .sort((a, b) => a - b);
  const rank = (p: number) => values[Math.max(1, Math.ceil((p / 100) * values.length)) - 1];
  const decided = mine.filter((t) => t.after[metric] !== null || t.breached.has(metric));
  const onTime = decided.filter((t) => !t.breached.has(metric)).length;
  return {
    spread: values.length ? { median: rank(50), p90: rank(90) } : { median: null, p90: null },
    met: decided.length ? Math.round((onTime / decided.length) * 1000) / 10 : null,
  };
}

describe.each(databaseKinds())(
  'summary percentiles read from the duration histogram on %s',
  (db) => {
    let q: QueueApp;
    const made = makeHistory(120);

    beforeAll(async () => {
      q = await startQueueApp(db);
      q.testApp.setNow(IMPORTED_AT);
      const tickets = made.map((t, i) => ({
        ...FACTS[t.level],
        title: `ticket ${i}`,
        created_at: iso(t.createdMs),
        assignee: 'queue.agent',
        ...(t.after.first_response === null
          ? {}
          : { first_response_at: iso(t.createdMs + t.after.first_response) }),
        ...(t.after.resolution === null
          ? {}
          : { resolved_at: iso(t.createdMs + t.after.resolution), status: 'resolved' }),
      }));
      const imported = await q.http.post('/tickets/import', { tickets }, { token: q.tokens.admin });
      if (imported.status !== 201) throw new Error(`import: ${imported.text}`);
      // Breach events as the SLA job writes them, recorded after the range's start.
      const events = imported.body.tickets.flatMap((ticket: { id: number }, i: number) =>
        [...made[i].breached].map((metric) => ({
          ticketId: ticket.id,
          type: 'sla_breached' as const,
          actorId: null,
          actor: 'system',
          internal: false,
          data: JSON.stringify({ metric, level: made[i].level, due_at: iso(made[i].createdMs) }),
          createdAt: new Date(made[i].createdMs + MINUTE),
        })),
      );
      await q.testApp.dataSource.getRepository(TicketEvent).insert(events);
    });
    afterAll(() => q.testApp.close());

    // Kathmandu is UTC+5:45: its midnights cut UTC days, so the edges are read from the tickets.
    it.each([
      ['UTC', [RANGE_START, RANGE_END]],
      ['Asia/Kathmandu', [RANGE_START - 345 * MINUTE, RANGE_END - 345 * MINUTE]],
    ] as const)(
      'should give the exact nearest-rank median and p90 and the SLA met share per level in %s',
      async (tz, bounds) => {
        const result = await q.http.get(`/reports/summary?from=2026-03-10&to=2026-03-12&tz=${tz}`, {
          token: q.tokens.agent,
        });
        expect(result.status).toBe(200);
        const { totals } = result.body;
        for (const level of ['P2', 'P3'] as const) {
          for (const metric of ['first_response', 'resolution'] as const) {
            const want = expected(made, metric, level, [...bounds]);
            expect({ level, metric, spread: totals[`${metric}_minutes`][level] }).toEqual({
              level,
              metric,
              spread: want.spread,
            });
            expect({ level, metric, met: totals.sla_met_percent[metric][level] }).toEqual({
              level,
              metric,
              met: want.met,
            });
          }
        }
        // The generator must have produced enough of each kind for the comparison to mean something.
        expect(totals.resolution_minutes.P2.median).not.toBeNull();
        expect(totals.sla_met_percent.resolution.P2).toBeLessThan(100);
      },
    );
  },
);
