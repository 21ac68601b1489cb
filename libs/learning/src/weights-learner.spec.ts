import fc from 'fast-check';

import { DEFAULT_WEIGHTS, findWeightProblems, type PriorityWeights } from '@app/priority/weights';

import { syntheticLabels } from './testing/synthetic';
import { cellsOf, levelTable, paramsOf, type Params } from './weights-grid';
import { agreement, learnWeights, levelOf } from './weights-learner';
import { bestBlock, evaluate, monotoneSequences, type SearchSpace } from './weights-search';

const KNOWN: PriorityWeights = {
  issueType: { critical: 8, major: 4, minor: 0 },
  customerType: { enterprise: 4, paid: 2, free: 1 },
  impact: [{ maxUsers: 10, points: 0 }, { maxUsers: 100, points: 2 }, { points: 6 }],
  age: [
    { underHours: 1, points: 0 },
    { underHours: 6, points: 0 },
    { underHours: 24, points: 2 },
    { points: 3 },
  ],
  levels: DEFAULT_WEIGHTS.levels,
};

const isMonotone = (params: Params) =>
  params.every((seq) => seq.every((p, i) => i === 0 || p >= seq[i - 1]));

describe('learnWeights', () => {
  it('should recover known weights (or an equivalent set) from agents agreeing with them', () => {
    const labels = syntheticLabels(3000, KNOWN, 1);
    const result = learnWeights(labels, DEFAULT_WEIGHTS, { seed: 14 });
    expect(result.agreementBefore!).toBeLessThan(0.8);
    expect(result.agreementAfter!).toBeGreaterThanOrEqual(0.95);
    // Equivalent: every labelled combination gets the level the known weights give it.
    const fresh = syntheticLabels(2000, KNOWN, 2);
    expect(agreement(fresh, result.proposed)).toBeGreaterThanOrEqual(0.99);
    expect(result.labelsUsed).toBe(3000);
    expect(result.holdoutLabels).toBe(600);
  });

  it('should find the known weights through 10 % of noisy labels', () => {
    const labels = syntheticLabels(5000, KNOWN, 3, 0.1);
    const result = learnWeights(labels, DEFAULT_WEIGHTS, { seed: 14 });
    expect(result.agreementAfter!).toBeGreaterThan(result.agreementBefore!);
    expect(agreement(syntheticLabels(2000, KNOWN, 4), result.proposed)).toBeGreaterThanOrEqual(
      0.95,
    );
  });

  it('should keep the active weights when the agents agree with them', () => {
    const labels = syntheticLabels(1000, DEFAULT_WEIGHTS, 5);
    const result = learnWeights(labels, DEFAULT_WEIGHTS, { seed: 14 });
    expect(result.changed).toEqual([]);
    expect(result.proposed).toEqual(DEFAULT_WEIGHTS);
    expect(result.agreementBefore).toBe(1);
    expect(result.agreementAfter).toBe(1);
  });

  it('should name every changed weight with its old and new points', () => {
    const result = learnWeights(syntheticLabels(2000, KNOWN, 6), DEFAULT_WEIGHTS, { seed: 14 });
    expect(result.changed.length).toBeGreaterThan(0);
    for (const change of result.changed) {
      const path = change.weight.replace(/\[(\d+)\]/g, '.$1').split('.');
      const read = (w: unknown) => path.reduce((v: any, key) => v[key], w);
      expect(read(DEFAULT_WEIGHTS)).toBe(change.from);
      expect(read(result.proposed)).toBe(change.to);
    }
  });

  it('should give the same proposal for the same labels and seed', () => {
    const labels = syntheticLabels(1500, KNOWN, 7, 0.2);
    expect(learnWeights(labels, DEFAULT_WEIGHTS, { seed: 3 })).toEqual(
      learnWeights(labels, DEFAULT_WEIGHTS, { seed: 3 }),
    );
  });

  it('should always propose valid, integer, monotone weights within 0..10', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, seed, flip) => {
          const result = learnWeights(syntheticLabels(n, KNOWN, seed, flip), DEFAULT_WEIGHTS, {
            seed,
            restarts: 2,
            polish: 1,
          });
          const params = paramsOf(result.proposed);
          expect(findWeightProblems(result.proposed)).toEqual([]);
          expect(isMonotone(params)).toBe(true);
          for (const p of params.flat()) {
            expect(Number.isInteger(p) && p >= 0 && p <= 10).toBe(true);
          }
          expect(result.proposed.levels).toEqual(DEFAULT_WEIGHTS.levels);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('should report null agreement when there is nothing to hold out', () => {
    const result = learnWeights([], DEFAULT_WEIGHTS, { seed: 1 });
    expect(result).toMatchObject({ labelsUsed: 0, agreementBefore: null, agreementAfter: null });
  });
});

describe('bestBlock', () => {
  it('should find the best monotone points of a block, as an exhaustive search does', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 3 }), (seed, b) => {
        const labels = syntheticLabels(150, KNOWN, seed, 0.3);
        const space: SearchSpace = {
          cells: cellsOf(labels, DEFAULT_WEIGHTS),
          levelOf: levelTable(40, DEFAULT_WEIGHTS),
          anchor: paramsOf(DEFAULT_WEIGHTS),
          maxPoints: 10,
          penalty: 0.5,
        };
        const params = paramsOf(KNOWN);
        const { seq, value } = bestBlock(space, params, b);
        const objective = (s: number[]) =>
          evaluate(
            space,
            params.map((x, i) => (i === b ? s : x)),
          ).objective;
        const exhaustive = Math.min(...monotoneSequences(params[b].length, 10)!.map(objective));
        expect(objective(seq)).toBeCloseTo(exhaustive, 9);
        expect(isMonotone([seq])).toBe(true);
        expect(value).toBeLessThanOrEqual(objective(seq) + 1e-9);
      }),
      { numRuns: 30 },
    );
  });
});

describe('levelOf', () => {
  it('should agree with the cells: labels of one cell get one level', () => {
    const labels = syntheticLabels(500, KNOWN, 9);
    const cells = cellsOf(labels, DEFAULT_WEIGHTS);
    expect(cells.totals.reduce((a, b) => a + b, 0)).toBe(500);
    for (const label of labels) expect(levelOf(label, KNOWN)).toBe(label.level);
  });
});
