import fc from 'fast-check';

import { nextAgeBoundary, queueKey } from './aging';
import { agePoints, levelForScore } from './score';
import { DEFAULT_WEIGHTS, PRIORITY_LEVELS } from './weights';

const HOUR = 3_600_000;
const CREATED = new Date('2026-01-01T00:00:00.000Z');
const after = (ms: number) => new Date(CREATED.getTime() + ms);

describe('nextAgeBoundary', () => {
  it.each([
    ['a new ticket', 0, 4],
    ['a 30 min old ticket', HOUR / 2, 4],
    ['a ticket exactly 4 h old', 4 * HOUR, 24],
    ['a 7 h old ticket', 7 * HOUR, 24],
    ['a 30 h old ticket', 30 * HOUR, 72],
    ['a ticket 1 ms short of 72 h', 72 * HOUR - 1, 72],
  ])(
    'should give %s (%d ms old) its next boundary at the %d h mark',
    (_label, ageMs, boundaryHours) => {
      expect(nextAgeBoundary(CREATED, after(ageMs), DEFAULT_WEIGHTS)).toEqual(
        after(boundaryHours * HOUR),
      );
    },
  );

  it('should return null once the ticket is in the last bucket', () => {
    expect(nextAgeBoundary(CREATED, after(72 * HOUR), DEFAULT_WEIGHTS)).toBeNull();
  });

  it('should keep the age points constant until the boundary and change them at it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 * HOUR }), (ageMs) => {
        const boundary = nextAgeBoundary(CREATED, after(ageMs), DEFAULT_WEIGHTS);
        if (boundary === null) return;
        const untilMs = boundary.getTime() - CREATED.getTime();
        expect(agePoints(untilMs - 1, DEFAULT_WEIGHTS)).toBe(agePoints(ageMs, DEFAULT_WEIGHTS));
        expect(agePoints(untilMs, DEFAULT_WEIGHTS)).toBeGreaterThan(
          agePoints(ageMs, DEFAULT_WEIGHTS),
        );
      }),
    );
  });
});

describe('queueKey', () => {
  it('should order a higher score first, then the older ticket', () => {
    expect(queueKey('P1', 15, after(HOUR))).toBeLessThan(queueKey('P1', 14, CREATED));
    expect(queueKey('P1', 15, CREATED)).toBeLessThan(queueKey('P1', 15, after(1)));
  });

  it('should order by the level first, whatever the score and age', () => {
    expect(queueKey('P0', 1, after(HOUR))).toBeLessThan(queueKey('P1', 500, CREATED));
    expect(queueKey('P2', 0, new Date('2100-01-01'))).toBeLessThan(queueKey('P3', 600, CREATED));
  });

  it('should keep the score order when the level follows from the score', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.date({ min: new Date(0), max: new Date('2109-01-01'), noInvalidDate: true }),
        fc.date({ min: new Date(0), max: new Date('2109-01-01'), noInvalidDate: true }),
        (a, b, da, db) => {
          const ka = queueKey(levelForScore(a, DEFAULT_WEIGHTS), a, da);
          const kb = queueKey(levelForScore(b, DEFAULT_WEIGHTS), b, db);
          fc.pre(a !== b || da.getTime() !== db.getTime());
          expect(ka < kb).toBe(a !== b ? a > b : da < db);
        },
      ),
    );
  });

  it('should stay an exact integer for any score and date until 2109', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRIORITY_LEVELS),
        fc.integer({ min: -5, max: 2000 }),
        fc.date({ min: new Date(0), max: new Date('2109-01-01'), noInvalidDate: true }),
        (level, score, date) => {
          expect(Number.isSafeInteger(queueKey(level, score, date))).toBe(true);
        },
      ),
    );
  });
});
