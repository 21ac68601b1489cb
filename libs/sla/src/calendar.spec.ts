import fc from 'fast-check';
import { DateTime } from 'luxon';

import type { CalendarSpec, TimeRange } from './calendar-spec';
import {
  addWorkingMinutes,
  compileCalendar,
  workingMinutesBetween,
  type WorkingCalendar,
} from './calendar';

const NINE_TO_FIVE: TimeRange[] = [['09:00', '17:00']];
const weekdays = (ranges: TimeRange[]) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
});
const weekly = (timezone: string, week: object, holidays: string[] = []): CalendarSpec => ({
  type: 'weekly',
  timezone,
  week,
  holidays,
});

const CALENDARS: Record<string, CalendarSpec> = {
  always: { type: '24x7' },
  'Berlin office': weekly('Europe/Berlin', weekdays(NINE_TO_FIVE), ['2026-12-25', '2027-01-01']),
  'New York split shifts': weekly('America/New_York', {
    ...weekdays([
      ['08:00', '12:00'],
      ['13:00', '17:30'],
    ]),
    sat: [['10:00', '14:00']],
  }),
  'Berlin around the clock on Sundays': weekly('Europe/Berlin', { sun: [['00:00', '24:00']] }),
  'night shift over the DST hour': weekly('Europe/Berlin', {
    sun: [
      ['01:30', '02:15'],
      ['02:15', '03:30'],
    ],
    wed: [['22:00', '24:00']],
    thu: [['00:00', '06:00']],
  }),
  'Lord Howe (30-minute DST)': weekly('Australia/Lord_Howe', weekdays([['00:00', '24:00']])),
  Kolkata: weekly('Asia/Kolkata', weekdays(NINE_TO_FIVE)),
};

const compiled = Object.entries(CALENDARS).map(
  ([name, spec]) => [name, compileCalendar(spec)] as [string, WorkingCalendar],
);

// 2025–2028: many DST changes; minutes up to a few weeks of working time.
const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) });
const minutes = fc.integer({ min: 0, max: 40 * 24 * 60 });

describe.each(compiled)('the %s calendar', (_name, cal) => {
  it('should count back exactly what it added: between(t, add(t, m)) = m', () => {
    fc.assert(
      fc.property(instant, minutes, (t, m) => {
        const end = addWorkingMinutes(cal, new Date(t), m);
        expect(workingMinutesBetween(cal, new Date(t), end)).toBe(m);
      }),
    );
  });

  it('should add in steps as in one go: add(add(t, a), b) = add(t, a + b)', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (t, a, b) => {
        const stepwise = cal.addMs(cal.addMs(t, a * 60_000), b * 60_000);
        expect(stepwise).toBe(cal.addMs(t, (a + b) * 60_000));
      }),
    );
  });

  it('should be monotone in both arguments', () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (t1, t2, a, b) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        expect(cal.addMs(early, a * 60_000)).toBeLessThanOrEqual(cal.addMs(late, a * 60_000));
        expect(cal.addMs(t1, Math.min(a, b) * 60_000)).toBeLessThanOrEqual(
          cal.addMs(t1, Math.max(a, b) * 60_000),
        );
        const later = late + b * 60_000;
        expect(cal.betweenMs(early, late)).toBeLessThanOrEqual(cal.betweenMs(early, later));
        expect(cal.betweenMs(late, later)).toBeLessThanOrEqual(cal.betweenMs(early, later));
      }),
    );
  });

  it('should split a span anywhere: between(a, c) = between(a, b) + between(b, c)', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(cal.betweenMs(a, c)).toBe(cal.betweenMs(a, b) + cal.betweenMs(b, c));
      }),
    );
  });

  it('should never count more working time than elapsed time', () => {
    fc.assert(
      fc.property(instant, minutes, (t, m) => {
        const end = t + m * 60_000;
        expect(cal.betweenMs(t, end)).toBeLessThanOrEqual(end - t);
        expect(cal.betweenMs(t, end)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

const utc = (iso: string) => new Date(iso);
const minutesIn = (cal: WorkingCalendar, from: string, to: string) =>
  workingMinutesBetween(cal, utc(from), utc(to));

describe('DST days', () => {
  const sundays = compileCalendar(CALENDARS['Berlin around the clock on Sundays']);
  const nightShift = compileCalendar(CALENDARS['night shift over the DST hour']);
  const berlin = compileCalendar(CALENDARS['Berlin office']);
  const newYork = compileCalendar(
    weekly('America/New_York', { sun: [['00:00', '24:00']], mon: NINE_TO_FIVE }),
  );

  it.each<[string, WorkingCalendar, string, string, number]>([
    [
      'a Berlin Sunday in spring has 23 hours',
      sundays,
      '2026-03-28T00:00Z',
      '2026-03-30T00:00Z',
      23 * 60,
    ],
    [
      'a Berlin Sunday in autumn has 25 hours',
      sundays,
      '2026-10-24T00:00Z',
      '2026-10-27T00:00Z',
      25 * 60,
    ],
    [
      'an ordinary Berlin Sunday has 24 hours',
      sundays,
      '2026-05-09T00:00Z',
      '2026-05-11T00:00Z',
      24 * 60,
    ],
    [
      'a New York Sunday in spring has 23 hours',
      newYork,
      '2026-03-07T12:00Z',
      '2026-03-09T12:00Z',
      23 * 60,
    ],
    [
      'a New York Sunday in autumn has 25 hours',
      newYork,
      '2026-10-31T12:00Z',
      '2026-11-02T12:00Z',
      25 * 60,
    ],
    // 01:30–02:15 and 02:15–03:30 local: in spring 02:00–03:00 does not exist.
    [
      'ranges across the spring gap keep their real length',
      nightShift,
      '2026-03-29T00:00Z',
      '2026-03-29T02:00Z',
      60,
    ],
    // In autumn 02:00–03:00 happens twice; 02:15 means its first occurrence.
    [
      'ranges across the autumn repeat keep their real length',
      nightShift,
      '2026-10-24T22:00Z',
      '2026-10-25T03:00Z',
      180,
    ],
    [
      'a working day after the spring change still has 8 hours',
      berlin,
      '2026-03-30T00:00Z',
      '2026-03-31T00:00Z',
      480,
    ],
    [
      'a range over midnight counts on both days',
      nightShift,
      '2026-06-03T00:00Z',
      '2026-06-05T00:00Z',
      480,
    ],
  ])('%s', (_what, cal, from, to, expected) => {
    expect(minutesIn(cal, from, to)).toBe(expected);
  });

  it.each<[string, WorkingCalendar, string, number, string]>([
    // Berlin is UTC+1 in winter, +2 in summer; 09:00 local moves in UTC.
    [
      'Friday 16:30 Berlin + 4 h lands Monday 12:30',
      berlin,
      '2026-11-27T15:30Z',
      240,
      '2026-11-30T11:30:00.000Z',
    ],
    [
      'Friday before the spring change + 1 h lands Monday 09:30 CEST',
      berlin,
      '2026-03-27T15:30Z',
      60,
      '2026-03-30T07:30:00.000Z',
    ],
    [
      'Friday before the autumn change + 1 h lands Monday 09:30 CET',
      berlin,
      '2026-10-23T14:30Z',
      60,
      '2026-10-26T08:30:00.000Z',
    ],
    ['Christmas is skipped', berlin, '2026-12-24T15:00Z', 120, '2026-12-28T09:00:00.000Z'],
    [
      'work ending at 17:00 is due at 17:00, not the next morning',
      berlin,
      '2026-11-30T08:00Z',
      480,
      '2026-11-30T16:00:00.000Z',
    ],
    [
      'a New York Sunday in spring: 23 h from midnight is the whole day',
      newYork,
      '2026-03-08T05:00Z',
      23 * 60,
      '2026-03-09T04:00:00.000Z',
    ],
    [
      'a New York Sunday in autumn: 24 h from midnight is 23:00 local',
      newYork,
      '2026-11-01T04:00Z',
      24 * 60,
      '2026-11-02T04:00:00.000Z',
    ],
  ])('%s', (_what, cal, from, add, expected) => {
    expect(addWorkingMinutes(cal, utc(from), add).toISOString()).toBe(expected);
  });

  it('should count decades quickly and exactly (an imported ticket from 1990)', () => {
    const perWeek = 5 * 8 * 60;
    const from = utc('1990-01-01T00:00Z'); // a Monday
    const to = utc('2019-12-30T00:00Z'); // a Monday, 1565 weeks later
    // The calendar's holidays (2026, 2027) lie outside the span.
    expect(workingMinutesBetween(berlin, from, to)).toBe(1565 * perWeek);
  });

  it('should refuse to add negative time', () => {
    expect(() => berlin.addMs(0, -1)).toThrow(RangeError);
  });
});

describe('against a minute-by-minute count in Luxon', () => {
  const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  /** Working or not, read off the local wall clock of each minute (boundaries off DST hours). */
  const isWorking = (spec: CalendarSpec, t: number) => {
    if (spec.type === '24x7') return true;
    const local = DateTime.fromMillis(t, { zone: spec.timezone });
    if (spec.holidays?.includes(local.toISODate()!)) return false;
    const minute = local.hour * 60 + local.minute;
    const clock = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
    return (spec.week[DAYS[local.weekday - 1]] ?? []).some(
      ([from, to]) => minute >= clock(from) && minute < clock(to),
    );
  };
  // Spans of up to three days, half of them around a DST change in Europe or the US.
  const changes = [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)];
  const start = fc.oneof(
    fc
      .integer({ min: 0, max: 2 })
      .chain((i) => fc.integer({ min: -3 * 1440, max: 1440 }).map((m) => changes[i] + m * 60_000)),
    fc
      .integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2027, 0, 8) / 60_000 })
      .map((m) => m * 60_000),
  );

  it.each([
    'Berlin office',
    'New York split shifts',
    'Berlin around the clock on Sundays',
    'Kolkata',
  ])('should agree on %s', (name) => {
    const spec = CALENDARS[name];
    const cal = compileCalendar(spec);
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 3 * 1440 }), (t, span) => {
        let expected = 0;
        for (let m = 0; m < span; m++) if (isWorking(spec, t + m * 60_000)) expected++;
        expect(cal.betweenMs(t, t + span * 60_000)).toBe(expected * 60_000);
      }),
      { numRuns: 40 },
    );
  });
});
