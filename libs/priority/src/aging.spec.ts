import fc from 'fast-check';

import { nextAgeBoundary, queueKey } from './aging';
import { agePoints } from './score';
import { DEFAULT_WEIGHTS } from './weights';

const HOUR = 3_600_000;
const CREATED = new Date('2026-01-01T00:00:00.000Z');
const after = (ms: number) => new Date(CREATED.getTime() + ms);

describe('nextAgeBoundary', () => {
  it.each([
    ['a new ticket', 0, 1],
    ['a 30 min old ticket', HOUR / 2, 1],
    ['a ticket exactly 1 h old', HOUR, 6],
    ['a 2 h old ticket', 2 * HOUR, 6],
    ['a 7 h old ticket', 7 * HOUR, 24],
    ['a ticket 1 ms short of 24 h', 24 * HOUR - 1, 24],
  ])(
    'should give %s (%d ms old) its next boundary at the %d h mark',
    (_label, ageMs, boundaryHours) => {
      expect(nextAgeBoundary(CREATED, after(ageMs), DEFAULT_WEIGHTS)).toEqual(
        after(boundaryHours * HOUR),
      );
    },
  );

  it('should return null once the ticket is in the last bucket', () => {
    expect(nextAgeBoundary(CREATED, after(25 * HOUR), DEFAULT_WEIGHTS)).toBeNull();
  });

  it('should keep the age points constant until the boundary and change them at it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * HOUR }), (ageMs) => {
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
    expect(queueKey(15, after(HOUR))).toBeLessThan(queueKey(14, CREATED));
    expect(queueKey(15, CREATED)).toBeLessThan(queueKey(15, after(1)));
  });

  it('should stay an exact integer for any score and date until 2109', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 2000 }),
        fc.date({ min: new Date(0), max: new Date('2109-01-01'), noInvalidDate: true }),
        (score, date) => {
          expect(Number.isSafeInteger(queueKey(score, date))).toBe(true);
        },
      ),
    );
  });
});
