import type { CustomerType, IssueType, PriorityLevel, PriorityWeights } from './weights';

export interface TicketFacts {
  issueType: IssueType;
  customerType: CustomerType;
  /** Number of affected users. */
  impact: number;
  createdAt: Date;
}

export type Factor = 'issue_type' | 'customer_type' | 'impact' | 'age';

export interface FactorPoints {
  factor: Factor;
  /** What the factor looked at: the type, the user count, or the age in hours. */
  input: string | number;
  points: number;
}

export interface PriorityResult {
  score: number;
  level: PriorityLevel;
  breakdown: FactorPoints[];
}

const HOUR_MS = 3_600_000;

export function impactPoints(impact: number, weights: PriorityWeights): number {
  const bucket = weights.impact.find((b) => b.maxUsers === undefined || impact <= b.maxUsers);
  return bucket?.points ?? 0;
}

/** Age points for a ticket that has waited `ageMs`; a clock skewed into the future counts as 0. */
export function agePoints(ageMs: number, weights: PriorityWeights): number {
  const hours = Math.max(0, ageMs) / HOUR_MS;
  const bucket = weights.age.find((b) => b.underHours === undefined || hours < b.underHours);
  return bucket?.points ?? 0;
}

export function levelForScore(score: number, weights: PriorityWeights): PriorityLevel {
  if (score >= weights.levels.P0) return 'P0';
  if (score >= weights.levels.P1) return 'P1';
  if (score >= weights.levels.P2) return 'P2';
  return 'P3';
}

/** Points that never change while a ticket waits: everything but age. */
export function basePoints(facts: Omit<TicketFacts, 'createdAt'>, weights: PriorityWeights) {
  return (
    0 +
    weights.issueType[facts.issueType] +
    weights.customerType[facts.customerType] +
    impactPoints(facts.impact, weights)
  );
}

/**
 * `scoreTicket(facts, now, weights).score` without the breakdown (the same sum, in the same
 * order), for callers that score a whole queue at once.
 */
export function scoreAt(facts: TicketFacts, now: Date, weights: PriorityWeights): number {
  const ageMs = now.getTime() - facts.createdAt.getTime();
  return (
    0 +
    weights.issueType[facts.issueType] +
    weights.customerType[facts.customerType] +
    impactPoints(facts.impact, weights) +
    agePoints(ageMs, weights)
  );
}

/** The priority of a ticket at instant `now`: a pure function of its facts and the weights. */
export function scoreTicket(
  facts: TicketFacts,
  now: Date,
  weights: PriorityWeights,
): PriorityResult {
  const ageMs = now.getTime() - facts.createdAt.getTime();
  const breakdown: FactorPoints[] = [
    { factor: 'issue_type', input: facts.issueType, points: weights.issueType[facts.issueType] },
    {
      factor: 'customer_type',
      input: facts.customerType,
      points: weights.customerType[facts.customerType],
    },
    { factor: 'impact', input: facts.impact, points: impactPoints(facts.impact, weights) },
    {
      factor: 'age',
      input: Math.round((Math.max(0, ageMs) / HOUR_MS) * 100) / 100,
      points: agePoints(ageMs, weights),
    },
  ];
  const score = breakdown.reduce((sum, item) => sum + item.points, 0);
  return { score, level: levelForScore(score, weights), breakdown };
}
