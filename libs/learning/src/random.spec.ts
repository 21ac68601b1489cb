import fc from 'fast-check';

import { holdoutSplit, seededRandom, shuffled } from './random';

describe('seededRandom', () => {
  it('should give the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('should stay in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = seededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const x = random();
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });
});

describe('holdoutSplit', () => {
  it('should hold out a fifth, disjoint from the rest, and keep every item', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer(), (n, seed) => {
        const items = Array.from({ length: n }, (_, i) => i);
        const { train, holdout } = holdoutSplit(items, 0.2, seed);
        expect([...train, ...holdout].sort((a, b) => a - b)).toEqual(items);
        const expected = n >= 2 ? Math.min(n - 1, Math.max(1, Math.round(n * 0.2))) : 0;
        expect(holdout).toHaveLength(expected);
      }),
    );
  });

  it('should split the same way for the same seed', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    expect(holdoutSplit(items, 0.2, 9)).toEqual(holdoutSplit(items, 0.2, 9));
    expect(holdoutSplit(items, 0.2, 9).holdout).not.toEqual(holdoutSplit(items, 0.2, 10).holdout);
  });

  it('should shuffle without losing items', () => {
    expect(shuffled([1, 2, 3, 4], seededRandom(1)).sort()).toEqual([1, 2, 3, 4]);
  });
});
