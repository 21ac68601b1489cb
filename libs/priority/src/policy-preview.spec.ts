import fc from 'fast-check';

import { queueKey } from './aging';
import {
  previewPolicy,
  type PolicyPreview,
  type PreviewMover,
  type PreviewSide,
  type PreviewTicket,
} from './policy-preview';
import { scoreTicket } from './score';
import {
  CUSTOMER_TYPES,
  DEFAULT_WEIGHTS,
  ISSUE_TYPES,
  PRIORITY_LEVELS,
  type PriorityLevel,
  type PriorityWeights,
} from './weights';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const HOUR = 3_600_000;

const ticketArb = (id: number) =>
  fc.record({
    id: fc.constant(id),
    title: fc.constant(`#${id}`),
    facts: fc.record({
      issueType: fc.constantFrom(...ISSUE_TYPES),
      customerType: fc.constantFrom(...CUSTOMER_TYPES),
      impact: fc.integer({ min: 1, max: 1000 }),
      createdAt: fc.integer({ min: 0, max: 200 }).map((h) => new Date(NOW.getTime() - h * HOUR)),
    }),
    overrideLevel: fc.option(fc.constantFrom(...PRIORITY_LEVELS), { freq: 5 }),
  });

const ticketsArb = fc
  .integer({ min: 0, max: 60 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ticketArb(i + 1))));

const weightsArb: fc.Arbitrary<PriorityWeights> = fc
  .record({
    critical: fc.integer({ min: 0, max: 10 }),
    enterprise: fc.integer({ min: 0, max: 10 }),
    impact: fc.integer({ min: 0, max: 10 }),
  })
  .map(({ critical, enterprise, impact }) => ({
    ...DEFAULT_WEIGHTS,
    issueType: { ...DEFAULT_WEIGHTS.issueType, critical },
    customerType: { ...DEFAULT_WEIGHTS.customerType, enterprise },
    impact: [{ maxUsers: 10, points: 1 }, { maxUsers: 100, points: 3 }, { points: impact }],
  }));

const side = (weights: PriorityWeights, breachedAt = new Set<string>()): PreviewSide => ({
  weights,
  breached: (_t, level) => breachedAt.has(level),
});

describe('previewPolicy', () => {
  it('should give what the straightforward implementation gives', () => {
    const breachedArb = fc.func(fc.boolean());
    fc.assert(
      fc.property(
        ticketsArb,
        weightsArb,
        breachedArb,
        fc.boolean(),
        (tickets, weights, f, same) => {
          const breached = (t: PreviewTicket, level: PriorityLevel) => f(t.id, level);
          const before = { weights: DEFAULT_WEIGHTS, breached };
          const after = {
            weights,
            breached: same ? breached : (t: PreviewTicket, l: PriorityLevel) => !breached(t, l),
          };
          const options = { movers: 5, pageSize: 7 };
          const expected = referencePreview(tickets, before, after, NOW, options);
          const result = previewPolicy(tickets, before, after, NOW, options);
          expect(JSON.stringify(result)).toBe(JSON.stringify(expected));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should account for every ticket exactly once', () => {
    fc.assert(
      fc.property(ticketsArb, weightsArb, (tickets, weights) => {
        const result = previewPolicy(tickets, side(DEFAULT_WEIGHTS), side(weights), NOW);
        const changed = Object.values(result.levelChanges).reduce((a, b) => a + b, 0);
        expect(result.ticketsConsidered).toBe(tickets.length);
        expect(changed + result.unchanged).toBe(tickets.length);
        expect(result.firstPageAfter).toHaveLength(Math.min(10, tickets.length));
        expect(new Set(result.firstPageAfter).size).toBe(result.firstPageAfter.length);
      }),
    );
  });

  it('should change nothing when the candidate is the policy in force', () => {
    fc.assert(
      fc.property(ticketsArb, weightsArb, (tickets, weights) => {
        const result = previewPolicy(tickets, side(weights), side(weights), NOW);
        expect(result.levelChanges).toEqual({});
        expect(result.unchanged).toBe(tickets.length);
        expect(result.topMovers).toEqual([]);
        expect(result.firstPageAfter).toEqual(result.firstPageBefore);
      }),
    );
  });

  it('should keep a pinned level and report movers by the size of their move', () => {
    fc.assert(
      fc.property(ticketsArb, weightsArb, (tickets, weights) => {
        const result = previewPolicy(tickets, side(DEFAULT_WEIGHTS), side(weights), NOW);
        const byId = new Map(tickets.map((t) => [t.id, t]));
        const moves = result.topMovers.map((m) => Math.abs(m.fromRank - m.toRank));
        expect(result.topMovers.length).toBeLessThanOrEqual(20);
        expect(moves).toEqual([...moves].sort((a, b) => b - a));
        for (const mover of result.topMovers) {
          expect(mover.fromRank).not.toBe(mover.toRank);
          const pinned = byId.get(mover.id)!.overrideLevel;
          const levels = pinned ? [pinned, pinned] : [mover.fromLevel, mover.toLevel];
          expect([mover.fromLevel, mover.toLevel]).toEqual(levels);
        }
      }),
    );
  });

  it('should order the first page by level, then score, then age', () => {
    const ticket = (id: number, issueType: PreviewTicket['facts']['issueType'], hours: number) => ({
      id,
      title: null,
      facts: {
        issueType,
        customerType: 'paid' as const,
        impact: 5,
        createdAt: new Date(NOW.getTime() - hours * HOUR),
      },
      overrideLevel: null,
    });
    const tickets = [ticket(1, 'minor', 1), ticket(2, 'critical', 1), ticket(3, 'critical', 2)];
    const minorFirst = { ...DEFAULT_WEIGHTS, issueType: { critical: 0, major: 3, minor: 9 } };
    const result = previewPolicy(tickets, side(DEFAULT_WEIGHTS), side(minorFirst), NOW);
    expect(result.firstPageBefore).toEqual([3, 2, 1]);
    expect(result.firstPageAfter).toEqual([1, 3, 2]);
    expect(result.levelChanges).toEqual({ 'P2->P3': 2, 'P3->P1': 1 });
    expect(result.topMovers[0]).toMatchObject({ id: 1, fromRank: 3, toRank: 1 });
  });

  it('should count breached tickets at the level each side gives them', () => {
    const tickets: PreviewTicket[] = [
      {
        id: 1,
        title: null,
        facts: { issueType: 'minor', customerType: 'free', impact: 1, createdAt: NOW },
        overrideLevel: null,
      },
    ];
    const result = previewPolicy(
      tickets,
      side(DEFAULT_WEIGHTS, new Set(['P3'])),
      side(DEFAULT_WEIGHTS, new Set(['P0'])),
      NOW,
    );
    expect([result.slaBreachedBefore, result.slaBreachedAfter]).toEqual([1, 0]);
  });
});

// The implementation before it was made fast (typed arrays, a running top list), kept as the
// oracle of the test above: the preview's answers must not change.
interface Placed {
  score: number;
  level: PriorityLevel;
  key: number;
  rank: number;
}

/** Scores every ticket under `weights` at `now` and numbers them in queue order (from 1). */
function placeRef(
  tickets: readonly PreviewTicket[],
  weights: PriorityWeights,
  now: Date,
): Placed[] {
  const placed = tickets.map((ticket) => {
    const { score, level: computed } = scoreTicket(ticket.facts, now, weights);
    const level = ticket.overrideLevel ?? computed;
    return { score, level, key: queueKey(level, score, ticket.facts.createdAt), rank: 0 };
  });
  const order = placed.map((_, index) => index);
  order.sort((a, b) => placed[a].key - placed[b].key || tickets[a].id - tickets[b].id);
  order.forEach((index, position) => (placed[index].rank = position + 1));
  return placed;
}

function firstPageRef(tickets: readonly PreviewTicket[], placed: Placed[], size: number): number[] {
  const page: number[] = new Array<number>(Math.min(size, tickets.length));
  placed.forEach((p, index) => {
    if (p.rank <= size) page[p.rank - 1] = tickets[index].id;
  });
  return page;
}

/**
 * What a candidate policy would do to the live queue, compared with the policy in force, both
 * evaluated at the same instant: level changes (of the level in force: an override keeps its
 * level), the tickets that move most in queue position, the first page before and after, and how
 * many tickets have a breached SLA target. Pure: nothing is read or written.
 */
function referencePreview(
  tickets: readonly PreviewTicket[],
  before: PreviewSide,
  after: PreviewSide,
  now: Date,
  options: { movers?: number; pageSize?: number } = {},
): PolicyPreview {
  const pageSize = options.pageSize ?? 10;
  const was = placeRef(tickets, before.weights, now);
  const will = placeRef(tickets, after.weights, now);
  const levelChanges: Record<string, number> = {};
  let unchanged = 0;
  let slaBreachedBefore = 0;
  let slaBreachedAfter = 0;
  tickets.forEach((ticket, index) => {
    const [from, to] = [was[index].level, will[index].level];
    if (from === to) unchanged++;
    else levelChanges[`${from}->${to}`] = (levelChanges[`${from}->${to}`] ?? 0) + 1;
    if (before.breached(ticket, from)) slaBreachedBefore++;
    if (after.breached(ticket, to)) slaBreachedAfter++;
  });
  return {
    ticketsConsidered: tickets.length,
    levelChanges,
    unchanged,
    topMovers: topMoversRef(tickets, was, will, options.movers ?? 20),
    firstPageBefore: firstPageRef(tickets, was, pageSize),
    firstPageAfter: firstPageRef(tickets, will, pageSize),
    slaBreachedBefore,
    slaBreachedAfter,
  };
}

/** The largest moves in queue position (either way); ties: the new first, then the lower id. */
function topMoversRef(
  tickets: readonly PreviewTicket[],
  was: Placed[],
  will: Placed[],
  count: number,
): PreviewMover[] {
  const moved = tickets
    .map((_, index) => index)
    .filter((index) => was[index].rank !== will[index].rank);
  const distance = (index: number) => Math.abs(was[index].rank - will[index].rank);
  moved.sort(
    (a, b) =>
      distance(b) - distance(a) || will[a].rank - will[b].rank || tickets[a].id - tickets[b].id,
  );
  return moved.slice(0, count).map((index) => ({
    id: tickets[index].id,
    title: tickets[index].title,
    fromLevel: was[index].level,
    toLevel: will[index].level,
    fromScore: was[index].score,
    toScore: will[index].score,
    fromRank: was[index].rank,
    toRank: will[index].rank,
  }));
}
