import fc from 'fast-check';

import { previewPolicy, type PreviewSide, type PreviewTicket } from './policy-preview';
import {
  CUSTOMER_TYPES,
  DEFAULT_WEIGHTS,
  ISSUE_TYPES,
  PRIORITY_LEVELS,
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
