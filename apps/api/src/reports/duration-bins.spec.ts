import fc from 'fast-check';

import { binBounds, binOf, BELOW_ALL, locateRank, splitByUtcDays } from './duration-bins';

const DAY = 86_400_000;
const duration = fc.integer({ min: -50, max: 400_000_000 });

describe('binOf', () => {
  it('should place every value inside the bounds of its bin', () => {
    fc.assert(
      fc.property(duration, (v) => {
        const { lo, hi } = binBounds(binOf(v));
        expect(lo <= v && v <= hi).toBe(true);
      }),
    );
  });

  it('should keep bins in value order, adjacent and at most 20 % wide above 10', () => {
    for (let bin = 0; bin < 500; bin++) {
      const { lo, hi } = binBounds(bin);
      const next = binBounds(bin + 1);
      expect(next.lo).toBe(hi + 1);
      expect(binOf(lo === BELOW_ALL ? -1 : lo)).toBe(bin);
      expect(binOf(hi)).toBe(bin);
      expect(lo < 10 || (hi + 1 - lo) / lo <= 0.2).toBe(true);
    }
  });

  it('should be monotonic', () => {
    fc.assert(
      fc.property(duration, duration, (a, b) => {
        expect(a > b || binOf(a) <= binOf(b)).toBe(true);
      }),
    );
  });

  it('should give the bins of a few known values', () => {
    expect([0, 9, 10, 11, 12, 99, 100, 119, 120, 2_400].map(binOf)).toEqual([
      0, 9, 10, 10, 11, 54, 55, 55, 56, 107,
    ]);
  });
});

describe('locateRank', () => {
  it('should find the bin and the rank inside it that sorting all values gives', () => {
    fc.assert(
      fc.property(fc.array(duration, { minLength: 1, maxLength: 200 }), fc.nat(), (values, r) => {
        const sorted = [...values].sort((a, b) => a - b);
        const rank = 1 + (r % sorted.length);
        const counts = new Map<number, number>();
        for (const v of values) counts.set(binOf(v), (counts.get(binOf(v)) ?? 0) + 1);
        const bins = [...counts].map(([bin, n]) => ({ bin, n }));
        const found = locateRank(bins, rank)!;
        const value = sorted[rank - 1];
        expect(found.bin).toBe(binOf(value));
        const inBin = sorted.filter((v) => binOf(v) === found.bin);
        expect(inBin[found.rankInBin - 1]).toBe(value);
      }),
    );
  });

  it('should say when there are fewer values than the rank', () => {
    expect(locateRank([{ bin: 3, n: 2 }], 3)).toBeNull();
    expect(locateRank([], 1)).toBeNull();
  });
});

describe('splitByUtcDays', () => {
  it('should count every instant of the range once and none outside, with stretches of 12 hours at most', () => {
    const slot = 15 * 60_000;
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.integer({ min: 1, max: 40_000 }),
        fc.array(fc.integer({ min: -200, max: 40_200 }), { minLength: 20, maxLength: 20 }),
        (start, length, probes) => {
          const startMs = Date.UTC(2026, 0, 1) + start * slot;
          const endMs = startMs + length * slot;
          const split = splitByUtcDays(startMs, endMs);
          const within = (t: number, [a, b]: [number, number]) => (t >= a && t < b ? 1 : 0);
          const edges = [...probes.map((p) => startMs + p * slot), startMs, endMs - 1, endMs];
          for (const t of edges.flatMap((e) => [e, e + slot / 2])) {
            const inDays = within(t, [split.firstDay * DAY, split.endDay * DAY]);
            const added = split.add.reduce((n, s) => n + within(t, s), 0);
            const taken = split.subtract.reduce((n, s) => n + within(t, s), 0);
            expect(inDays + added - taken).toBe(within(t, [startMs, endMs]));
          }
          for (const [a, b] of [...split.add, ...split.subtract]) {
            expect(b - a).toBeLessThanOrEqual(DAY / 2);
          }
        },
      ),
    );
  });

  it('should read no ticket one by one for a range of whole UTC days', () => {
    const split = splitByUtcDays(Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 4));
    expect(split).toEqual({ firstDay: 20_513, endDay: 20_516, add: [], subtract: [] });
  });
});
