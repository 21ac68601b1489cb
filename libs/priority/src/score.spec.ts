import fc from 'fast-check';

import { agePoints, impactPoints, levelForScore, scoreTicket, type TicketFacts } from './score';
import { CUSTOMER_TYPES, DEFAULT_WEIGHTS, ISSUE_TYPES, type PriorityWeights } from './weights';

const NOW = new Date('2026-01-01T12:00:00.000Z');
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('scoreTicket', () => {
  describe('impact buckets', () => {
    it.each([
      [1, 1],
      [10, 1],
      [11, 3],
      [100, 3],
      [101, 5],
      [1_000_000_000, 5],
    ])('should give %d affected users %d points', (impact, points) => {
      expect(impactPoints(impact, DEFAULT_WEIGHTS)).toBe(points);
    });
  });

  describe('age buckets', () => {
    it.each([
      ['0 ms', 0, 0],
      ['4 h - 1 ms', 4 * HOUR - 1, 0],
      ['4 h', 4 * HOUR, 1],
      ['24 h - 1 ms', 24 * HOUR - 1, 1],
      ['24 h', 24 * HOUR, 2],
      ['72 h - 1 ms', 72 * HOUR - 1, 2],
      ['72 h', 72 * HOUR, 3],
      ['30 days', 720 * HOUR, 3],
      ['a clock 5 min in the future', -300_000, 0],
    ])('should give a ticket aged %s %d points', (_label, ageMs, points) => {
      expect(agePoints(ageMs, DEFAULT_WEIGHTS)).toBe(points);
    });
  });

  describe('level thresholds', () => {
    it.each([
      [20, 'P0'],
      [16, 'P0'],
      [15, 'P1'],
      [11, 'P1'],
      [10, 'P2'],
      [6, 'P2'],
      [5, 'P3'],
      [0, 'P3'],
    ])('should map score %d to %s', (score, level) => {
      expect(levelForScore(score, DEFAULT_WEIGHTS)).toBe(level);
    });
  });

  describe('whole tickets', () => {
    it.each<[string, Omit<TicketFacts, 'createdAt'>, number, number, string]>([
      [
        'critical enterprise outage',
        { issueType: 'critical', customerType: 'enterprise', impact: 500 },
        0,
        15,
        'P1',
      ],
      [
        'the same after a day',
        { issueType: 'critical', customerType: 'enterprise', impact: 500 },
        24 * HOUR,
        17,
        'P0',
      ],
      [
        'major paid, 50 users, 5 h',
        { issueType: 'major', customerType: 'paid', impact: 50 },
        5 * HOUR,
        10,
        'P2',
      ],
      ['minor free, one user', { issueType: 'minor', customerType: 'free', impact: 1 }, 0, 3, 'P3'],
      [
        'minor free, one user, 3 days',
        { issueType: 'minor', customerType: 'free', impact: 1 },
        72 * HOUR,
        6,
        'P2',
      ],
      [
        'major enterprise, 11 users, 25 h',
        { issueType: 'major', customerType: 'enterprise', impact: 11 },
        25 * HOUR,
        13,
        'P1',
      ],
    ])('should score a %s', (_label, facts, ageMs, score, level) => {
      const result = scoreTicket({ ...facts, createdAt: ago(ageMs) }, NOW, DEFAULT_WEIGHTS);
      expect(result).toMatchObject({ score, level });
      expect(result.breakdown.reduce((sum, f) => sum + f.points, 0)).toBe(score);
    });

    it('should name each factor with its input and points', () => {
      const result = scoreTicket(
        { issueType: 'major', customerType: 'paid', impact: 42, createdAt: ago(270 * 60_000) },
        NOW,
        DEFAULT_WEIGHTS,
      );
      expect(result.breakdown).toEqual([
        { factor: 'issue_type', input: 'major', points: 3 },
        { factor: 'customer_type', input: 'paid', points: 3 },
        { factor: 'impact', input: 42, points: 3 },
        { factor: 'age', input: 4.5, points: 1 },
      ]);
    });

    it('should use the weights it is given', () => {
      const weights: PriorityWeights = {
        ...DEFAULT_WEIGHTS,
        issueType: { critical: 100, major: 3, minor: 1 },
      };
      const facts = {
        issueType: 'critical',
        customerType: 'free',
        impact: 1,
        createdAt: NOW,
      } as const;
      expect(scoreTicket(facts, NOW, weights).score).toBe(102);
    });
  });

  describe('waiting never outranks severity', () => {
    it('should rank a new critical outage above a 40-hour-old minor ticket of the same customer', () => {
      const customer = { customerType: 'enterprise', impact: 2_500 } as const;
      const outage = scoreTicket(
        { ...customer, issueType: 'critical', createdAt: NOW },
        NOW,
        DEFAULT_WEIGHTS,
      );
      const old = scoreTicket(
        { ...customer, issueType: 'minor', createdAt: ago(40 * HOUR) },
        NOW,
        DEFAULT_WEIGHTS,
      );
      expect(outage).toMatchObject({ score: 15, level: 'P1' });
      expect(old).toMatchObject({ score: 13, level: 'P1' });
    });

    it('should keep any minor ticket below a critical one of the same customer and impact', () => {
      fc.assert(
        fc.property(
          fc.constantFrom('enterprise', 'paid', 'free'),
          fc.integer({ min: 1, max: 100_000 }),
          fc.integer({ min: 0, max: 365 * 24 * HOUR }),
          (customerType, impact, ageMs) => {
            const facts = { customerType, impact } as const;
            const minor = scoreTicket(
              { ...facts, issueType: 'minor', createdAt: ago(ageMs) },
              NOW,
              DEFAULT_WEIGHTS,
            );
            const critical = scoreTicket(
              { ...facts, issueType: 'critical', createdAt: NOW },
              NOW,
              DEFAULT_WEIGHTS,
            );
            expect(minor.score).toBeLessThan(critical.score);
          },
        ),
      );
    });
  });

  describe('monotonicity', () => {
    type Sample = Omit<TicketFacts, 'createdAt'> & { ageMs: number };
    const rank = <T>(list: readonly T[], value: T) => list.length - list.indexOf(value);
    const facts: fc.Arbitrary<Sample> = fc.record({
      issueType: fc.constantFrom(...ISSUE_TYPES),
      customerType: fc.constantFrom(...CUSTOMER_TYPES),
      impact: fc.integer({ min: 1, max: 1_000_000_000 }),
      ageMs: fc.integer({ min: 0, max: 90 * 24 * HOUR }),
    });
    const scoreOf = (f: Sample) =>
      scoreTicket({ ...f, createdAt: ago(f.ageMs) }, NOW, DEFAULT_WEIGHTS).score;

    it('should never lower the score when any single factor rises', () => {
      fc.assert(
        fc.property(
          facts,
          facts,
          fc.constantFrom('issueType', 'customerType', 'impact', 'ageMs'),
          (a, b, key) => {
            const lower = { ...a };
            const higher = { ...a, [key]: b[key] } as typeof a;
            const rises =
              key === 'issueType'
                ? rank(ISSUE_TYPES, higher.issueType) >= rank(ISSUE_TYPES, lower.issueType)
                : key === 'customerType'
                  ? rank(CUSTOMER_TYPES, higher.customerType) >=
                    rank(CUSTOMER_TYPES, lower.customerType)
                  : higher[key] >= lower[key];
            fc.pre(rises);
            return scoreOf(higher) >= scoreOf(lower);
          },
        ),
        { numRuns: 2000 },
      );
    });
  });
});
