import fc from 'fast-check';

import { isSlaBreached } from './breach';
import { compileSlaPolicy, DEFAULT_SLA_POLICY, SLA_LEVELS, type SlaPolicy } from './policy';
import { evaluateSla, type PauseInterval, type SlaFacts } from './sla';

const MIN = 60_000;
const NOW = Date.parse('2026-12-02T10:00:00Z');

const BERLIN: SlaPolicy = {
  ...DEFAULT_SLA_POLICY,
  calendars: {
    ...DEFAULT_SLA_POLICY.calendars,
    business: { ...DEFAULT_SLA_POLICY.calendars.business, timezone: 'Europe/Berlin' } as never,
  },
};
const policies = [compileSlaPolicy(DEFAULT_SLA_POLICY), compileSlaPolicy(BERLIN)];

/** Pending periods after `createdAt`, in order, not overlapping; the last one may be open. */
const pausesArb = (createdAt: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 3000 })), {
      maxLength: 4,
    })
    .chain((gaps) =>
      fc.boolean().map((open) => {
        const pauses: PauseInterval[] = [];
        let cursor = createdAt;
        gaps.forEach(([before, length], index) => {
          const from = cursor + before * MIN;
          const to = open && index === gaps.length - 1 ? null : from + length * MIN;
          pauses.push({ from, to });
          cursor = to ?? from;
        });
        return pauses;
      }),
    );

/** Any age up to 90 days, often exactly a 24x7 target (the boundary instant `now === due`). */
const minutesAgoArb = fc.oneof(
  fc.integer({ min: 0, max: 90 * 1440 }),
  fc.constantFrom(15, 60, 240, 480),
);

const factsArb: fc.Arbitrary<SlaFacts> = minutesAgoArb
  .map((minutesAgo) => NOW - minutesAgo * MIN)
  .chain((createdAt) =>
    fc.record({
      createdAt: fc.constant(createdAt),
      firstResponseAt: fc.option(fc.integer({ min: 0, max: 5000 }).map((m) => createdAt + m * MIN)),
      firstResolvedAt: fc.option(fc.integer({ min: 0, max: 9000 }).map((m) => createdAt + m * MIN)),
      pauses: pausesArb(createdAt),
      level: fc.constantFrom(...SLA_LEVELS),
    }),
  );

describe('isSlaBreached', () => {
  it('should agree with evaluateSla that at least one target is breached', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(0, 1), (facts, which) => {
        const policy = policies[which];
        const state = evaluateSla(facts, policy, NOW);
        const expected = state.first_response.breached || state.resolution.breached;
        expect(isSlaBreached(facts, facts.level, policy, NOW)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('should count a target reached before the ticket went pending as breached', () => {
    const createdAt = Date.parse('2026-12-01T10:00:00Z');
    const facts: SlaFacts = {
      createdAt,
      firstResponseAt: createdAt + 10 * MIN,
      firstResolvedAt: null,
      pauses: [{ from: createdAt + 300 * MIN, to: null }],
      level: 'P0',
    };
    expect(isSlaBreached(facts, 'P0', policies[0], NOW)).toBe(true);
    const early = { ...facts, pauses: [{ from: createdAt + 100 * MIN, to: null }] };
    expect(isSlaBreached(early, 'P0', policies[0], NOW)).toBe(false);
  });
});
