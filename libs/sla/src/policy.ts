import { findCalendarProblems, type CalendarSpec } from './calendar-spec';
import { compileCalendar, type WorkingCalendar } from './calendar';

/** The priority levels, as libs/priority names them. */
export const SLA_LEVELS = ['P0', 'P1', 'P2', 'P3'] as const;
export type SlaLevel = (typeof SLA_LEVELS)[number];

export interface SlaTarget {
  first_response_minutes: number;
  resolution_minutes: number;
  /** Name of a calendar of the policy; the minutes are minutes of that calendar. */
  calendar: string;
}

/** The shape of `SLA_POLICY_FILE`. */
export interface SlaPolicy {
  calendars: Record<string, CalendarSpec>;
  targets: Record<SlaLevel, SlaTarget>;
  /** Percentage of a target at which `sla_warning` is recorded (0 < p < 100). */
  warn_at_percent: number;
}

/** Ten years: anything longer is a typo, not a target. */
const MAX_TARGET_MINUTES = 5_256_000;

export const DEFAULT_SLA_POLICY: SlaPolicy = Object.freeze({
  calendars: {
    always: { type: '24x7' },
    business: {
      type: 'weekly',
      timezone: 'UTC',
      week: {
        mon: [['09:00', '17:00']],
        tue: [['09:00', '17:00']],
        wed: [['09:00', '17:00']],
        thu: [['09:00', '17:00']],
        fri: [['09:00', '17:00']],
      },
      holidays: [],
    },
  },
  targets: {
    P0: { first_response_minutes: 15, resolution_minutes: 240, calendar: 'always' },
    P1: { first_response_minutes: 60, resolution_minutes: 480, calendar: 'always' },
    P2: { first_response_minutes: 240, resolution_minutes: 1440, calendar: 'business' },
    P3: { first_response_minutes: 480, resolution_minutes: 2400, calendar: 'business' },
  },
  warn_at_percent: 75,
}) as SlaPolicy;

export class InvalidSlaPolicyError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid SLA policy:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidSlaPolicyError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isMinutes = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_TARGET_MINUTES;

function checkCalendars(value: unknown, problems: string[]): string[] {
  if (!isRecord(value) || Object.keys(value).length === 0) {
    problems.push('calendars: must be an object naming at least one calendar');
    return [];
  }
  for (const [name, spec] of Object.entries(value)) {
    problems.push(...findCalendarProblems(`calendars.${name}`, spec));
  }
  return Object.keys(value);
}

function checkTarget(level: string, target: unknown, calendars: string[], problems: string[]) {
  const path = `targets.${level}`;
  if (!isRecord(target)) {
    problems.push(`${path}: must be an object`);
    return;
  }
  const keys = ['first_response_minutes', 'resolution_minutes', 'calendar'];
  for (const key of Object.keys(target)) {
    if (!keys.includes(key)) problems.push(`${path}.${key}: unknown key`);
  }
  for (const key of ['first_response_minutes', 'resolution_minutes']) {
    if (!isMinutes(target[key])) {
      problems.push(
        `${path}.${key}: must be a whole number of minutes from 1 to ${MAX_TARGET_MINUTES}`,
      );
    }
  }
  if (typeof target.calendar !== 'string') {
    problems.push(`${path}.calendar: must name a calendar`);
  } else if (!calendars.includes(target.calendar)) {
    problems.push(`${path}.calendar: "${target.calendar}" is not one of the calendars`);
  }
}

function checkTargets(value: unknown, calendars: string[], problems: string[]) {
  if (!isRecord(value)) {
    problems.push(`targets: must be an object with keys ${SLA_LEVELS.join(', ')}`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!(SLA_LEVELS as readonly string[]).includes(key)) {
      problems.push(`targets.${key}: unknown key`);
    }
  }
  for (const level of SLA_LEVELS) {
    if (!(level in value)) problems.push(`targets.${level}: missing`);
    else checkTarget(level, value[level], calendars, problems);
  }
}

/** Every problem found in `candidate`, one readable line each; empty when the policy is valid. */
export function findSlaPolicyProblems(candidate: unknown): string[] {
  if (!isRecord(candidate)) return ['policy: must be an object'];
  const problems: string[] = [];
  for (const key of Object.keys(candidate)) {
    if (!['calendars', 'targets', 'warn_at_percent'].includes(key)) {
      problems.push(`${key}: unknown key`);
    }
  }
  const calendars = checkCalendars(candidate.calendars, problems);
  checkTargets(candidate.targets, calendars, problems);
  const warn = candidate.warn_at_percent;
  if (typeof warn !== 'number' || !Number.isFinite(warn) || warn <= 0 || warn >= 100) {
    problems.push('warn_at_percent: must be a number greater than 0 and less than 100');
  }
  return problems;
}

/** Returns `candidate` typed as a policy, or throws one error listing every problem. */
export function assertValidSlaPolicy(candidate: unknown): SlaPolicy {
  const problems = findSlaPolicyProblems(candidate);
  if (problems.length > 0) throw new InvalidSlaPolicyError(problems);
  return candidate as SlaPolicy;
}

/** A policy ready to compute with: each level's calendar built once (and its memo kept). */
export interface CompiledSlaPolicy {
  policy: SlaPolicy;
  calendarOf(level: SlaLevel): WorkingCalendar;
}

export function compileSlaPolicy(policy: SlaPolicy): CompiledSlaPolicy {
  const valid = assertValidSlaPolicy(policy);
  const calendars = new Map(
    Object.entries(valid.calendars).map(([name, spec]) => [name, compileCalendar(spec)]),
  );
  return {
    policy: valid,
    calendarOf: (level) => calendars.get(valid.targets[level].calendar)!,
  };
}
