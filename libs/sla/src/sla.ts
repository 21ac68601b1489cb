import { MINUTE_MS, type WorkingCalendar } from './calendar';
import { SLA_LEVELS, type CompiledSlaPolicy, type SlaLevel } from './policy';

export const SLA_METRICS = ['first_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** A time the resolution clock stood still (the ticket was pending); `to` null: still paused. */
export interface PauseInterval {
  from: number;
  to: number | null;
}

/** What the SLA of a ticket depends on; every instant is epoch milliseconds. */
export interface SlaFacts {
  createdAt: number;
  /** An agent's first public comment. */
  firstResponseAt: number | null;
  /** The first time the ticket was resolved (a reopening does not undo it). */
  firstResolvedAt: number | null;
  /** Pending periods, oldest first, not overlapping; only the last may be open. */
  pauses: readonly PauseInterval[];
  /** The level in force. */
  level: SlaLevel;
}

export interface MetricState {
  metric: SlaMetric;
  targetMinutes: number;
  /** When the target falls due; null while the clock is paused and the metric unmet. */
  dueAt: number | null;
  metAt: number | null;
  breached: boolean;
  /** Whole working minutes left, rounded toward zero; null once met. */
  remainingMinutes: number | null;
  /** When the clock reaches the warning share of the target; null if it cannot while paused. */
  warnAt: number | null;
  /** The metric is breached at every instant after this one; null if it never is (so far). */
  breachAt: number | null;
}

export interface SlaState {
  level: SlaLevel;
  paused: boolean;
  first_response: MetricState;
  resolution: MetricState;
}

/** The instant the clock (running from `start`, standing still in `pauses`) reaches `ms`. */
export function reachAt(
  cal: WorkingCalendar,
  start: number,
  pauses: readonly PauseInterval[],
  ms: number,
) {
  let cursor = start;
  let left = ms;
  for (const pause of pauses) {
    if (pause.from > cursor) {
      const available = cal.betweenMs(cursor, pause.from);
      if (available >= left) return cal.addMs(cursor, left);
      left -= available;
    }
    if (pause.to === null) return null;
    cursor = Math.max(cursor, pause.to);
  }
  return cal.addMs(cursor, left);
}

/** Working ms the clock ran from `start` to `at`. */
function elapsedMs(
  cal: WorkingCalendar,
  start: number,
  pauses: readonly PauseInterval[],
  at: number,
) {
  let total = cal.betweenMs(start, at);
  for (const pause of pauses) {
    const from = Math.max(pause.from, start);
    const to = Math.min(pause.to ?? at, at);
    if (to > from) total -= cal.betweenMs(from, to);
  }
  return total;
}

/** Pauses up to `end`: a met clock no longer cares what happened after it was met. */
export const pausesBefore = (pauses: readonly PauseInterval[], end: number): PauseInterval[] =>
  pauses
    .filter((pause) => pause.from < end)
    .map((pause) => ({ from: pause.from, to: Math.min(pause.to ?? end, end) }));

const towardZero = (ms: number) => Math.trunc(ms / MINUTE_MS) || 0;

interface MetricInput {
  metric: SlaMetric;
  calendar: WorkingCalendar;
  targetMinutes: number;
  warnPercent: number;
  start: number;
  metAt: number | null;
  pauses: readonly PauseInterval[];
}

function metricState(input: MetricInput, now: number): MetricState {
  const { calendar, start, metAt } = input;
  const targetMs = input.targetMinutes * MINUTE_MS;
  const pauses = metAt === null ? input.pauses : pausesBefore(input.pauses, metAt);
  const due = reachAt(calendar, start, pauses, targetMs);
  const warnAt = reachAt(calendar, start, pauses, Math.round((targetMs * input.warnPercent) / 100));
  const base = { metric: input.metric, targetMinutes: input.targetMinutes, metAt, warnAt };
  if (metAt !== null) {
    const breached = due !== null && metAt > due;
    return {
      ...base,
      dueAt: due,
      breached,
      remainingMinutes: null,
      breachAt: breached ? due : null,
    };
  }
  const remainingMinutes = towardZero(targetMs - elapsedMs(calendar, start, pauses, now));
  const openPause = pauses.at(-1)?.to === null ? pauses.at(-1)! : null;
  if (openPause === null) {
    return { ...base, dueAt: due, breached: now > due!, remainingMinutes, breachAt: due };
  }
  // Paused: breached only if the target was passed while the clock still ran.
  const breached = due !== null && due < openPause.from;
  return { ...base, dueAt: null, breached, remainingMinutes, breachAt: breached ? due : null };
}

/**
 * The SLA of a ticket at `now`: both clocks count working minutes of the calendar of the level
 * in force, from `createdAt`; the resolution clock stands still while the ticket is pending.
 * A level change simply means other targets and calendar, still counted from `createdAt`.
 */
export function evaluateSla(facts: SlaFacts, policy: CompiledSlaPolicy, now: number): SlaState {
  const target = policy.policy.targets[facts.level];
  const common = {
    calendar: policy.calendarOf(facts.level),
    warnPercent: policy.policy.warn_at_percent,
    start: facts.createdAt,
  };
  return {
    level: facts.level,
    paused: facts.pauses.at(-1)?.to === null,
    first_response: metricState(
      {
        ...common,
        metric: 'first_response',
        targetMinutes: target.first_response_minutes,
        metAt: facts.firstResponseAt,
        pauses: [],
      },
      now,
    ),
    resolution: metricState(
      {
        ...common,
        metric: 'resolution',
        targetMinutes: target.resolution_minutes,
        metAt: facts.firstResolvedAt,
        pauses: facts.pauses,
      },
      now,
    ),
  };
}

const minOf = (values: (number | null)[]): number | null => {
  const present = values.filter((value): value is number => value !== null);
  return present.length > 0 ? Math.min(...present) : null;
};

/**
 * What the queue filters and sorts on, stored on the ticket. It depends on the facts only, not on
 * the instant, so SQL can compare it with any `now`:
 * breached ⇔ breachAt < now; at risk ⇔ riskFrom ≤ now ≤ riskUntil; sort key = dueAt (null last).
 */
export interface SlaSummary {
  /** The earliest due instant of an unmet, running metric; null when all are met or paused. */
  dueAt: number | null;
  breachAt: number | null;
  /** The earliest warning instant of an unmet metric. */
  riskFrom: number | null;
  /** `breachAt`, or the far future when nothing will breach; null when `riskFrom` is. */
  riskUntil: number | null;
}

/** Stands for "never" in `riskUntil` (the last instant a JavaScript Date can hold). */
export const FAR_FUTURE = 8_640_000_000_000_000;

export function summarizeSla(state: SlaState): SlaSummary {
  const metrics = [state.first_response, state.resolution];
  const unmet = metrics.filter((m) => m.metAt === null);
  const breachAt = minOf(metrics.map((m) => m.breachAt));
  const riskFrom = minOf(unmet.map((m) => m.warnAt));
  return {
    dueAt: minOf(unmet.map((m) => m.dueAt)),
    breachAt,
    riskFrom,
    riskUntil: riskFrom === null ? null : (breachAt ?? FAR_FUTURE),
  };
}

export type SlaEventKind = 'sla_warning' | 'sla_breached';

export interface DueSlaEvent {
  kind: SlaEventKind;
  metric: SlaMetric;
  level: SlaLevel;
  /** The metric's due instant; for a paused metric, when the target was reached (or null). */
  dueAt: number | null;
  /** When the threshold was crossed. */
  crossedAt: number;
}

/** One bit per (metric, level, kind): what has been recorded already. */
export function slaEventBit(metric: SlaMetric, level: SlaLevel, kind: SlaEventKind): number {
  const index =
    SLA_METRICS.indexOf(metric) * 8 +
    SLA_LEVELS.indexOf(level) * 2 +
    (kind === 'sla_breached' ? 1 : 0);
  return 2 ** index;
}

export interface SlaCheck {
  /** Events to record now, in the order their thresholds were crossed. */
  events: DueSlaEvent[];
  /** `recorded` with the new events' bits set. */
  recorded: number;
  /** The next instant an event may fall due under these facts; null for none. */
  nextCheckAt: number | null;
}

/**
 * Which warnings and breaches of the level in force are due at `now` and not yet recorded
 * (`recorded` is a bit set of `slaEventBit`), and when to look again. A warning is due once the
 * clock reached the warning share while the metric was unmet; a breach once it is breached.
 */
export function checkSlaEvents(state: SlaState, now: number, recorded: number): SlaCheck {
  const events: DueSlaEvent[] = [];
  const upcoming: number[] = [];
  let bits = recorded;
  for (const m of [state.first_response, state.resolution]) {
    const warnBit = slaEventBit(m.metric, state.level, 'sla_warning');
    const breachBit = slaEventBit(m.metric, state.level, 'sla_breached');
    const warnable = m.warnAt !== null && (m.metAt === null || m.metAt > m.warnAt);
    if (warnable && !(bits & warnBit)) {
      if (m.warnAt! <= now) {
        events.push(dueEvent('sla_warning', m, state.level, m.warnAt!));
        bits |= warnBit;
      } else upcoming.push(m.warnAt!);
    }
    if (m.breachAt !== null && !(bits & breachBit)) {
      if (m.breachAt < now) {
        events.push(dueEvent('sla_breached', m, state.level, m.breachAt));
        bits |= breachBit;
      } else upcoming.push(m.breachAt + 1);
    }
  }
  events.sort((a, b) => a.crossedAt - b.crossedAt);
  return { events, recorded: bits, nextCheckAt: minOf(upcoming) };
}

function dueEvent(kind: SlaEventKind, m: MetricState, level: SlaLevel, crossedAt: number) {
  const dueAt = m.dueAt ?? (kind === 'sla_breached' ? m.breachAt : null);
  return { kind, metric: m.metric, level, dueAt, crossedAt };
}
