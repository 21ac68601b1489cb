import { IANAZone } from 'luxon';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `"09:00"`; an end may be `"24:00"` (the end of the day). */
export type TimeRange = [string, string];

export interface AlwaysCalendarSpec {
  type: '24x7';
}

export interface WeeklyCalendarSpec {
  type: 'weekly';
  /** Any IANA zone, e.g. `Europe/Berlin`; wall times and holidays are read in it. */
  timezone: string;
  /** Working ranges per weekday, ascending and not overlapping; a missing day is a day off. */
  week: Partial<Record<Weekday, TimeRange[]>>;
  /** Whole local days off, `YYYY-MM-DD`. */
  holidays?: string[];
}

export type CalendarSpec = AlwaysCalendarSpec | WeeklyCalendarSpec;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Minutes since local midnight for `HH:MM`, or null; `24:00` only when `allowEnd`. */
export function parseClock(value: unknown, allowEnd: boolean): number | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (allowEnd && hours === 24 && minutes === 0) return 1440;
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** The day number (days since 1970-01-01) of a `YYYY-MM-DD` date, or null if it is no date. */
export function parseDate(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number);
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return ms / 86_400_000;
}

function checkRanges(path: string, ranges: unknown, problems: string[]): number {
  if (!Array.isArray(ranges)) {
    problems.push(`${path}: must be a list of ["HH:MM", "HH:MM"] ranges`);
    return 0;
  }
  let previousEnd = -1;
  ranges.forEach((range: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!Array.isArray(range) || range.length !== 2) {
      problems.push(`${at}: must be a ["HH:MM", "HH:MM"] pair`);
      return;
    }
    const start = parseClock(range[0], false);
    const end = parseClock(range[1], true);
    if (start === null) problems.push(`${at}[0]: must be a time from 00:00 to 23:59`);
    if (end === null) problems.push(`${at}[1]: must be a time from 00:01 to 24:00`);
    if (start === null || end === null) return;
    if (end <= start) problems.push(`${at}: must end after it starts`);
    else if (start < previousEnd) {
      problems.push(`${at}: must start at or after the end of the previous range`);
    }
    previousEnd = Math.max(previousEnd, end);
  });
  return ranges.length;
}

function checkWeek(path: string, week: unknown, problems: string[]) {
  if (!isRecord(week)) {
    problems.push(`${path}: must be an object with keys among ${WEEKDAYS.join(', ')}`);
    return;
  }
  let ranges = 0;
  for (const [day, value] of Object.entries(week)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      problems.push(`${path}.${day}: unknown day (use ${WEEKDAYS.join(', ')})`);
    } else {
      ranges += checkRanges(`${path}.${day}`, value, problems);
    }
  }
  if (ranges === 0) problems.push(`${path}: must hold at least one working range`);
}

function checkHolidays(path: string, holidays: unknown, problems: string[]) {
  if (holidays === undefined) return;
  if (!Array.isArray(holidays)) {
    problems.push(`${path}: must be a list of YYYY-MM-DD dates`);
    return;
  }
  holidays.forEach((value: unknown, index) => {
    if (parseDate(value) === null) problems.push(`${path}[${index}]: must be a YYYY-MM-DD date`);
  });
}

/** Every problem of one calendar definition, one line each. */
export function findCalendarProblems(path: string, spec: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(spec)) return [`${path}: must be an object`];
  if (spec.type === '24x7') {
    for (const key of Object.keys(spec)) {
      if (key !== 'type') problems.push(`${path}.${key}: unknown key`);
    }
    return problems;
  }
  if (spec.type !== 'weekly') return [`${path}.type: must be "24x7" or "weekly"`];
  for (const key of Object.keys(spec)) {
    if (!['type', 'timezone', 'week', 'holidays'].includes(key)) {
      problems.push(`${path}.${key}: unknown key`);
    }
  }
  if (typeof spec.timezone !== 'string' || !IANAZone.isValidZone(spec.timezone)) {
    problems.push(`${path}.timezone: must be an IANA time zone such as Europe/Berlin`);
  }
  checkWeek(`${path}.week`, spec.week, problems);
  checkHolidays(`${path}.holidays`, spec.holidays, problems);
  return problems;
}
