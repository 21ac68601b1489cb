import type { ActivePolicy, Me, PolicyWeights, SlaPolicy } from '../api/types';

export const WEIGHTS: PolicyWeights = {
  issueType: { critical: 5, major: 3, minor: 1 },
  customerType: { enterprise: 5, paid: 3, free: 1 },
  impact: [{ maxUsers: 10, points: 1 }, { maxUsers: 100, points: 3 }, { points: 5 }],
  age: [{ underHours: 24, points: 0 }, { points: 2 }],
  levels: { P0: 16, P1: 11, P2: 6 },
};

export const target = (first: number) => ({
  first_response_minutes: first,
  resolution_minutes: first * 8,
  calendar: 'always',
});

export const SLA: SlaPolicy = {
  calendars: { always: { type: '24x7' } },
  targets: { P0: target(15), P1: target(60), P2: target(240), P3: target(1440) },
  warn_at_percent: 75,
};

export const ACTIVE: ActivePolicy = {
  version: 1,
  weights: WEIGHTS,
  sla: SLA,
  created_at: '2026-12-01T00:00:00.000Z',
  created_by: null,
  reason: 'Written at the first start.',
  based_on: null,
  rescore: null,
};

/** The signed-in admin of the policy pages' tests. */
export const ADMIN: Me = {
  id: 1,
  username: 'ada',
  role: 'admin',
  created_at: ACTIVE.created_at,
  organization: null,
};
