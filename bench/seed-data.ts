import {
  nextAgeBoundary,
  queueKey,
  scoreTicket,
  type CustomerType,
  type IssueType,
  type PriorityLevel,
  type PriorityWeights,
} from '@app/priority';
import {
  checkSlaEvents,
  evaluateSla,
  FAR_FUTURE,
  summarizeSla,
  type CompiledSlaPolicy,
} from '@app/sla';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Status = 'open' | 'in_progress' | 'resolved' | 'closed';

/** A small deterministic PRNG, so two seeds of the same size hold the same tickets. */
export function random(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(rand: () => number, choices: [T, number][]): T {
  let roll = rand();
  for (const [value, share] of choices) {
    if ((roll -= share) < 0) return value;
  }
  return choices[choices.length - 1][0];
}

/** Most tickets are minor and from free users; a few critical ones hit many users. */
const ISSUES: [IssueType, number][] = [
  ['critical', 0.1],
  ['major', 0.3],
  ['minor', 0.6],
];
const CUSTOMERS: [CustomerType, number][] = [
  ['enterprise', 0.15],
  ['paid', 0.35],
  ['free', 0.5],
];

/** Old tickets are mostly done; recent ones mostly waiting. */
function statusFor(rand: () => number, ageMs: number): Status {
  if (ageMs < DAY) {
    return pick(rand, [
      ['open', 0.7],
      ['in_progress', 0.2],
      ['resolved', 0.1],
    ]);
  }
  if (ageMs < 7 * DAY) {
    return pick(rand, [
      ['open', 0.4],
      ['in_progress', 0.2],
      ['resolved', 0.3],
      ['closed', 0.1],
    ]);
  }
  return pick(rand, [
    ['open', 0.03],
    ['in_progress', 0.02],
    ['resolved', 0.1],
    ['closed', 0.85],
  ]);
}

/** Column values of one seeded ticket, in TICKET_COLUMNS order. */
export const TICKET_COLUMNS = [
  'issue_type',
  'impact',
  'customer_type',
  'title',
  'status',
  'priority_score',
  'priority_level',
  'scored_at',
  'created_by',
  'created_at',
  'updated_at',
  'queue_key',
  'next_rescore_at',
  'resolved_at',
  'closed_at',
  'first_resolved_at',
  'sla_due_key',
  'sla_breach_at',
  'sla_risk_from',
  'sla_risk_until',
  'sla_flags',
  'sla_next_check_at',
  'created_level',
  'first_response_at',
] as const;

const NEVER = '9999-12-31 23:59:59.999';
const maybeTime = (ms: number | null) => (ms === null ? null : sqlTime(new Date(ms)));

/**
 * The SLA columns of a seeded ticket (docs/sla.md), as the app would store them. Thresholds
 * already past count as recorded, so the SLA job starts quiet and only handles what comes due.
 */
function slaColumns(
  sla: CompiledSlaPolicy,
  facts: {
    createdAt: Date;
    level: PriorityLevel;
    resolvedAt: Date | null;
    firstResponseAt: Date | null;
  },
  now: Date,
): unknown[] {
  const state = evaluateSla(
    {
      createdAt: facts.createdAt.getTime(),
      firstResponseAt: facts.firstResponseAt?.getTime() ?? null,
      firstResolvedAt: facts.resolvedAt?.getTime() ?? null,
      pauses: [],
      level: facts.level,
    },
    sla,
    now.getTime(),
  );
  const summary = summarizeSla(state);
  const check = checkSlaEvents(state, now.getTime(), 0);
  // Done tickets are never at risk and sort last (apps/api/src/sla/sla.service.ts).
  const done = facts.resolvedAt !== null;
  return [
    done ? FAR_FUTURE : (summary.dueAt ?? FAR_FUTURE),
    maybeTime(summary.breachAt),
    done ? null : maybeTime(summary.riskFrom),
    done || summary.riskUntil === null
      ? null
      : summary.riskUntil === FAR_FUTURE
        ? NEVER
        : maybeTime(summary.riskUntil),
    check.recorded,
    maybeTime(check.nextCheckAt),
  ];
}

/** DATETIME(3) text both engines accept and sort correctly. */
export const sqlTime = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 23);

export function makeTicket(
  rand: () => number,
  now: Date,
  userIds: number[],
  weights: PriorityWeights,
  sla: CompiledSlaPolicy,
): unknown[] {
  // Ages skew recent: a quarter of a year, squared toward today.
  const ageMs = Math.floor(rand() ** 2 * 90 * DAY);
  const createdAt = new Date(now.getTime() - ageMs);
  const issueType = pick(rand, ISSUES);
  const customerType = pick(rand, CUSTOMERS);
  const impact = Math.max(1, Math.floor(Math.exp(rand() * 10)));
  const status = statusFor(rand, ageMs);
  const done = status === 'resolved' || status === 'closed';
  // Done tickets keep the score they had when they were resolved, a little after creation.
  const scoredAt = done ? new Date(createdAt.getTime() + rand() * Math.min(ageMs, 3 * DAY)) : now;
  const { score, level } = scoreTicket(
    { issueType, customerType, impact, createdAt },
    scoredAt,
    weights,
  );
  const next = done ? null : nextAgeBoundary(createdAt, now, weights);
  // The level its facts gave when it arrived (what reports group by), and a first answer within
  // a few hours for every ticket someone has started on (before its resolution).
  const createdLevel = scoreTicket(
    { issueType, customerType, impact, createdAt },
    createdAt,
    weights,
  ).level;
  const answeredWithin = Math.min(ageMs, 4 * HOUR, scoredAt.getTime() - createdAt.getTime());
  const firstResponseAt =
    status === 'open' ? null : new Date(createdAt.getTime() + rand() * Math.max(0, answeredWithin));
  return [
    issueType,
    impact,
    customerType,
    `Seeded ${issueType} issue for a ${customerType} customer`,
    status,
    score,
    level,
    sqlTime(scoredAt),
    userIds[Math.floor(rand() * userIds.length)],
    sqlTime(createdAt),
    sqlTime(scoredAt),
    queueKey(level, score, createdAt),
    next ? sqlTime(next) : null,
    done ? sqlTime(scoredAt) : null,
    status === 'closed' ? sqlTime(scoredAt) : null,
    done ? sqlTime(scoredAt) : null,
    ...slaColumns(
      sla,
      { createdAt, level, resolvedAt: done ? scoredAt : null, firstResponseAt },
      now,
    ),
    createdLevel,
    maybeTime(firstResponseAt?.getTime() ?? null),
  ];
}
