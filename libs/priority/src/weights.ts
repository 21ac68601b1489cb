export const ISSUE_TYPES = ['critical', 'major', 'minor'] as const;
export const CUSTOMER_TYPES = ['enterprise', 'paid', 'free'] as const;
export const PRIORITY_LEVELS = ['P0', 'P1', 'P2', 'P3'] as const;

export type IssueType = (typeof ISSUE_TYPES)[number];
export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];

/** Tickets affecting at most `maxUsers` users get `points`; the last bucket has no bound. */
export interface ImpactBucket {
  maxUsers?: number;
  points: number;
}

/** Tickets younger than `underHours` get `points`; the last bucket has no bound. */
export interface AgeBucket {
  underHours?: number;
  points: number;
}

export interface PriorityWeights {
  issueType: Record<IssueType, number>;
  customerType: Record<CustomerType, number>;
  impact: ImpactBucket[];
  age: AgeBucket[];
  /** Minimum score of each level; anything below P2 is P3. */
  levels: Record<Exclude<PriorityLevel, 'P3'>, number>;
}

/**
 * The weights of the system this service replaces, except age, which it never applied: waiting
 * adds at most 3 points, less than the gap between a critical and a minor issue (4), so a minor
 * ticket never passes a critical one of the same customer and impact by waiting alone.
 */
export const DEFAULT_WEIGHTS: PriorityWeights = Object.freeze({
  issueType: { critical: 5, major: 3, minor: 1 },
  customerType: { enterprise: 5, paid: 3, free: 1 },
  impact: [{ maxUsers: 10, points: 1 }, { maxUsers: 100, points: 3 }, { points: 5 }],
  age: [
    { underHours: 4, points: 0 },
    { underHours: 24, points: 1 },
    { underHours: 72, points: 2 },
    { points: 3 },
  ],
  levels: { P0: 16, P1: 11, P2: 6 },
});

export class InvalidWeightsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid priority weights:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidWeightsError';
  }
}

type Problems = string[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isPoints = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

function checkKeys(path: string, value: unknown, keys: readonly string[], problems: Problems) {
  if (!isRecord(value)) {
    problems.push(`${path}: must be an object with keys ${keys.join(', ')}`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) problems.push(`${path}.${key}: unknown key`);
  }
  for (const key of keys) {
    if (!(key in value)) problems.push(`${path}.${key}: missing`);
    else if (!isPoints(value[key])) problems.push(`${path}.${key}: must be a number ≥ 0`);
  }
}

function checkBuckets(
  path: string,
  value: unknown,
  boundKey: 'maxUsers' | 'underHours',
  problems: Problems,
) {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${path}: must be a non-empty list of buckets`);
    return;
  }
  let previous = -Infinity;
  value.forEach((bucket: unknown, index) => {
    const at = `${path}[${index}]`;
    const isLast = index === value.length - 1;
    if (!isRecord(bucket)) {
      problems.push(`${at}: must be an object`);
      return;
    }
    for (const key of Object.keys(bucket)) {
      if (key !== boundKey && key !== 'points') problems.push(`${at}.${key}: unknown key`);
    }
    if (!isPoints(bucket.points)) problems.push(`${at}.points: must be a number ≥ 0`);
    const bound = bucket[boundKey];
    if (isLast) {
      if (bound !== undefined) problems.push(`${at}: the last bucket must have no ${boundKey}`);
      return;
    }
    if (typeof bound !== 'number' || !Number.isFinite(bound) || bound <= 0) {
      problems.push(`${at}.${boundKey}: must be a number > 0`);
    } else if (bound <= previous) {
      problems.push(`${at}.${boundKey}: must be greater than the previous bucket's (${previous})`);
    } else {
      previous = bound;
    }
  });
}

function checkLevels(value: unknown, problems: Problems) {
  const names = ['P0', 'P1', 'P2'] as const;
  checkKeys('levels', value, names, problems);
  if (!isRecord(value) || !names.every((name) => isPoints(value[name]))) return;
  for (let i = 1; i < names.length; i++) {
    const [higher, lower] = [names[i - 1], names[i]];
    if ((value[higher] as number) <= (value[lower] as number)) {
      problems.push(`levels.${higher}: must be greater than levels.${lower}`);
    }
  }
}

/** Every problem found in `candidate`, one readable line each; empty when the weights are valid. */
export function findWeightProblems(candidate: unknown): string[] {
  const problems: Problems = [];
  if (!isRecord(candidate)) return ['weights: must be an object'];
  const known = ['issueType', 'customerType', 'impact', 'age', 'levels'];
  for (const key of Object.keys(candidate)) {
    if (!known.includes(key)) problems.push(`${key}: unknown key`);
  }
  checkKeys('issueType', candidate.issueType, ISSUE_TYPES, problems);
  checkKeys('customerType', candidate.customerType, CUSTOMER_TYPES, problems);
  checkBuckets('impact', candidate.impact, 'maxUsers', problems);
  checkBuckets('age', candidate.age, 'underHours', problems);
  checkLevels(candidate.levels, problems);
  return problems;
}

/** Returns `candidate` typed as weights, or throws one error listing every problem. */
export function assertValidWeights(candidate: unknown): PriorityWeights {
  const problems = findWeightProblems(candidate);
  if (problems.length > 0) throw new InvalidWeightsError(problems);
  return candidate as PriorityWeights;
}
