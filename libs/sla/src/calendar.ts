import { IANAZone } from 'luxon';

import {
  parseClock,
  parseDate,
  WEEKDAYS,
  type CalendarSpec,
  type WeeklyCalendarSpec,
} from './calendar-spec';

export const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** No search walks further than this many local days (a calendar always has working time). */
const MAX_DAYS = 400 * 366;
const MEMO_LIMIT = 50_000;

/**
 * Working time of a calendar. Instants are epoch milliseconds; a working interval is half-open,
 * so a range ending at 17:00 includes 16:59:59.999 and not 17:00.
 */
export interface WorkingCalendar {
  /** The earliest instant at which `ms` working milliseconds have passed since `from` (ms ≥ 0). */
  addMs(from: number, ms: number): number;
  /** Working milliseconds in [from, to); negative when `to` is before `from`. */
  betweenMs(from: number, to: number): number;
}

/** Adds `minutes` working minutes to `from` (the earliest instant they are complete). */
export function addWorkingMinutes(calendar: WorkingCalendar, from: Date, minutes: number): Date {
  return new Date(calendar.addMs(from.getTime(), Math.round(minutes * MINUTE_MS)));
}

/** Working minutes from `from` to `to` (fractional; negative when `to` is earlier). */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  return calendar.betweenMs(from.getTime(), to.getTime()) / MINUTE_MS;
}

function checkAdd(ms: number) {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('Working time to add must be ≥ 0');
}

class AlwaysCalendar implements WorkingCalendar {
  addMs(from: number, ms: number): number {
    checkAdd(ms);
    return from + ms;
  }

  betweenMs(from: number, to: number): number {
    return to - from;
  }
}

type Interval = readonly [number, number];

interface MonthInfo {
  /** Instants of the first local midnight of the month and of the next month. */
  start: number;
  end: number;
  /** The zone's offset in ms when it is the same all month long, else null. */
  offsetMs: number | null;
  workMs: number;
}

const monthKeyOf = (day: number) => {
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};
const firstDayOfMonth = (key: number) => Date.UTC(Math.floor(key / 12), key % 12, 1) / DAY_MS;

/**
 * Weekly ranges in an IANA zone. Local wall times become instants through the zone's offsets
 * (Luxon's tz data): a wall time that happens twice (autumn) means its first occurrence, one that
 * is skipped (spring) means the instant the clocks jump, so consecutive ranges stay contiguous
 * and a range keeps its real length in elapsed time. Months, and the days of months with an
 * offset change, are memoised, so a span of decades costs one lookup per month.
 */
class WeeklyCalendar implements WorkingCalendar {
  private readonly zone: IANAZone;
  private readonly ranges: (readonly Interval[])[];
  private readonly holidays: Set<number>;
  private readonly months = new Map<number, MonthInfo>();
  private readonly days = new Map<number, Interval[]>();

  constructor(spec: WeeklyCalendarSpec) {
    this.zone = IANAZone.create(spec.timezone);
    this.ranges = WEEKDAYS.map((day) =>
      (spec.week[day] ?? []).map(
        ([start, end]) => [parseClock(start, false)!, parseClock(end, true)!] as const,
      ),
    );
    this.holidays = new Set((spec.holidays ?? []).map((date) => parseDate(date)!));
  }

  addMs(from: number, ms: number): number {
    checkAdd(ms);
    // Nothing to add is complete at once, even outside working hours: add(t, 0) = t.
    if (ms === 0) return from;
    let left = ms;
    let day = this.localDay(from);
    for (let steps = 0; steps < MAX_DAYS; steps++) {
      const month = this.monthAtStart(day);
      if (month && month.start >= from && month.workMs < left) {
        left -= month.workMs;
        day = firstDayOfMonth(monthKeyOf(day) + 1);
        continue;
      }
      for (const [start, end] of this.dayIntervals(day)) {
        const begin = Math.max(start, from);
        if (end <= begin) continue;
        if (end - begin >= left) return begin + left;
        left -= end - begin;
      }
      day++;
    }
    throw new RangeError('The calendar has no working time in reach');
  }

  betweenMs(from: number, to: number): number {
    if (to < from) return 0 - this.betweenMs(to, from) || 0;
    let total = 0;
    let day = this.localDay(from);
    while (this.dayStart(day) < to) {
      const month = this.monthAtStart(day);
      if (month && month.start >= from && month.end <= to) {
        total += month.workMs;
        day = firstDayOfMonth(monthKeyOf(day) + 1);
        continue;
      }
      for (const [start, end] of this.dayIntervals(day)) {
        total += Math.max(0, Math.min(end, to) - Math.max(start, from));
      }
      day++;
    }
    return total;
  }

  private offsetMs(instant: number): number {
    return Math.round(this.zone.offset(instant) * MINUTE_MS);
  }

  /**
   * The local date (days since 1970-01-01) of an instant. The memoised month that holds it
   * answers without asking the tz database (an Intl call, the costliest step of a ticket's
   * creation in the profile) unless the offset changes within that month.
   */
  private localDay(instant: number): number {
    const guess = monthKeyOf(Math.floor(instant / DAY_MS));
    for (const key of [guess, guess - 1, guess + 1]) {
      const month = this.month(key);
      if (month.start <= instant && instant < month.end && month.offsetMs !== null) {
        return Math.floor((instant + month.offsetMs) / DAY_MS);
      }
    }
    return Math.floor((instant + this.offsetMs(instant)) / DAY_MS);
  }

  /** The instant of a local wall time (first occurrence; the jump instant inside a gap). */
  private instantOf(day: number, minuteOfDay: number): number {
    const wall = day * DAY_MS + minuteOfDay * MINUTE_MS;
    const before = this.offsetMs(wall - DAY_MS);
    const after = this.offsetMs(wall + DAY_MS);
    const valid = [before, after]
      .map((offset) => wall - offset)
      .filter((instant) => wall - instant === this.offsetMs(instant));
    if (valid.length > 0) return Math.min(...valid);
    // Skipped wall time: the first instant after the jump, found by bisection.
    let lo = wall - Math.max(before, after);
    let hi = wall - Math.min(before, after);
    const target = this.offsetMs(hi);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.offsetMs(mid) === target) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  private month(key: number): MonthInfo {
    const cached = this.months.get(key);
    if (cached) return cached;
    const first = firstDayOfMonth(key);
    const next = firstDayOfMonth(key + 1);
    const start = this.instantOf(first, 0);
    const end = this.instantOf(next, 0);
    const offset = first * DAY_MS - start;
    // One offset at both ends and at every week between: no change within the month (offset
    // changes are months apart in every zone of the tz database).
    let uniform = next * DAY_MS - end === offset;
    for (let t = start + 7 * DAY_MS; uniform && t < end; t += 7 * DAY_MS) {
      uniform = this.offsetMs(t) === offset;
    }
    const info: MonthInfo = { start, end, offsetMs: uniform ? offset : null, workMs: 0 };
    this.months.set(key, info);
    for (let day = first; day < next; day++) {
      for (const [s, e] of this.dayIntervals(day)) info.workMs += e - s;
    }
    return info;
  }

  /** The month's info when `day` is its first day, else undefined. */
  private monthAtStart(day: number): MonthInfo | undefined {
    return new Date(day * DAY_MS).getUTCDate() === 1 ? this.month(monthKeyOf(day)) : undefined;
  }

  private dayStart(day: number): number {
    const month = this.month(monthKeyOf(day));
    return month.offsetMs === null ? this.instantOf(day, 0) : day * DAY_MS - month.offsetMs;
  }

  private dayIntervals(day: number): readonly Interval[] {
    if (this.holidays.has(day)) return [];
    const ranges = this.ranges[(((day + 4) % 7) + 7) % 7]; // 1970-01-01 was a Thursday
    if (ranges.length === 0) return ranges;
    const offset = this.month(monthKeyOf(day)).offsetMs;
    if (offset !== null) {
      const base = day * DAY_MS - offset;
      return ranges.map(([s, e]) => [base + s * MINUTE_MS, base + e * MINUTE_MS] as const);
    }
    let intervals = this.days.get(day);
    if (!intervals) {
      intervals = ranges.map(([s, e]) => [this.instantOf(day, s), this.instantOf(day, e)] as const);
      if (this.days.size >= MEMO_LIMIT) this.days.clear();
      this.days.set(day, intervals);
    }
    return intervals;
  }
}

/** A calendar from a validated spec (see `findCalendarProblems`). */
export function compileCalendar(spec: CalendarSpec): WorkingCalendar {
  return spec.type === '24x7' ? new AlwaysCalendar() : new WeeklyCalendar(spec);
}
