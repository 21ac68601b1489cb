import {
  assertValidWeights,
  DEFAULT_WEIGHTS,
  findWeightProblems,
  InvalidWeightsError,
} from './weights';

const clone = () => JSON.parse(JSON.stringify(DEFAULT_WEIGHTS));

describe('findWeightProblems', () => {
  it('should accept the shipped defaults', () => {
    expect(findWeightProblems(DEFAULT_WEIGHTS)).toEqual([]);
  });

  it.each<[string, (w: any) => void, string]>([
    ['an unknown top-level key', (w) => (w.urgency = 1), 'urgency: unknown key'],
    ['an unknown issue type', (w) => (w.issueType.blocker = 9), 'issueType.blocker: unknown key'],
    ['a missing customer type', (w) => delete w.customerType.free, 'customerType.free: missing'],
    ['a negative weight', (w) => (w.issueType.major = -1), 'issueType.major: must be a number ≥ 0'],
    [
      'a weight that is not a number',
      (w) => (w.customerType.paid = '3'),
      'customerType.paid: must be a number ≥ 0',
    ],
    [
      'unsorted impact buckets',
      (w) => (w.impact[1].maxUsers = 5),
      "impact[1].maxUsers: must be greater than the previous bucket's (10)",
    ],
    [
      'overlapping age buckets',
      (w) => (w.age[2].underHours = 24),
      "age[2].underHours: must be greater than the previous bucket's (24)",
    ],
    [
      'a bounded last bucket',
      (w) => (w.age[3].underHours = 48),
      'age[3]: the last bucket must have no underHours',
    ],
    ['an empty bucket list', (w) => (w.impact = []), 'impact: must be a non-empty list of buckets'],
    ['a missing level', (w) => delete w.levels.P1, 'levels.P1: missing'],
    ['levels out of order', (w) => (w.levels.P2 = 12), 'levels.P1: must be greater than levels.P2'],
    [
      'a negative bucket points',
      (w) => (w.impact[0].points = -2),
      'impact[0].points: must be a number ≥ 0',
    ],
  ])('should report %s', (_label, mutate, problem) => {
    const weights = clone();
    mutate(weights);
    expect(findWeightProblems(weights)).toContain(problem);
  });

  it('should report every problem, not just the first', () => {
    const weights = clone();
    weights.issueType.major = -1;
    delete weights.levels.P0;
    expect(findWeightProblems(weights)).toHaveLength(2);
  });
});

describe('assertValidWeights', () => {
  it('should return valid weights unchanged', () => {
    expect(assertValidWeights(clone())).toEqual(DEFAULT_WEIGHTS);
  });

  it('should throw one error listing each problem on its own line', () => {
    const weights = clone();
    weights.issueType.major = -1;
    weights.levels = {};
    expect(() => assertValidWeights(weights)).toThrow(InvalidWeightsError);
    expect(() => assertValidWeights(weights)).toThrow(/issueType\.major.*\n.*levels\.P0/s);
  });
});
