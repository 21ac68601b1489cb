import {
  assertValidSlaPolicy,
  DEFAULT_SLA_POLICY,
  findSlaPolicyProblems,
  InvalidSlaPolicyError,
} from './policy';

const clone = () => JSON.parse(JSON.stringify(DEFAULT_SLA_POLICY));

describe('findSlaPolicyProblems', () => {
  it('should accept the shipped defaults and the example of the issue', () => {
    expect(findSlaPolicyProblems(DEFAULT_SLA_POLICY)).toEqual([]);
    const example = clone();
    example.calendars.business.holidays = ['2026-12-25'];
    expect(findSlaPolicyProblems(example)).toEqual([]);
  });

  it.each<[string, (p: any) => void, string]>([
    ['an unknown top-level key', (p) => (p.escalate = true), 'escalate: unknown key'],
    [
      'an unknown calendar type',
      (p) => (p.calendars.always.type = 'daily'),
      'calendars.always.type: must be "24x7" or "weekly"',
    ],
    [
      'an unknown time zone',
      (p) => (p.calendars.business.timezone = 'Mars/Olympus'),
      'calendars.business.timezone: must be an IANA time zone such as Europe/Berlin',
    ],
    [
      'an unknown weekday',
      (p) => (p.calendars.business.week.monday = []),
      'calendars.business.week.monday: unknown day (use sun, mon, tue, wed, thu, fri, sat)',
    ],
    [
      'a malformed time',
      (p) => (p.calendars.business.week.mon = [['9:00', '17:00']]),
      'calendars.business.week.mon[0][0]: must be a time from 00:00 to 23:59',
    ],
    [
      'a range ending before it starts',
      (p) => (p.calendars.business.week.tue = [['17:00', '09:00']]),
      'calendars.business.week.tue[0]: must end after it starts',
    ],
    [
      'overlapping ranges',
      (p) =>
        (p.calendars.business.week.wed = [
          ['09:00', '13:00'],
          ['12:00', '17:00'],
        ]),
      'calendars.business.week.wed[1]: must start at or after the end of the previous range',
    ],
    [
      'a week without working time',
      (p) => (p.calendars.business.week = { sat: [] }),
      'calendars.business.week: must hold at least one working range',
    ],
    [
      'an impossible holiday',
      (p) => (p.calendars.business.holidays = ['2026-02-30']),
      'calendars.business.holidays[0]: must be a YYYY-MM-DD date',
    ],
    ['a missing level', (p) => delete p.targets.P3, 'targets.P3: missing'],
    ['an unknown level', (p) => (p.targets.P4 = p.targets.P3), 'targets.P4: unknown key'],
    [
      'zero minutes',
      (p) => (p.targets.P0.first_response_minutes = 0),
      'targets.P0.first_response_minutes: must be a whole number of minutes from 1 to 5256000',
    ],
    [
      'fractional minutes',
      (p) => (p.targets.P1.resolution_minutes = 1.5),
      'targets.P1.resolution_minutes: must be a whole number of minutes from 1 to 5256000',
    ],
    [
      'an undefined calendar',
      (p) => (p.targets.P2.calendar = 'weekdays'),
      'targets.P2.calendar: "weekdays" is not one of the calendars',
    ],
    [
      'a warning at 100 %',
      (p) => (p.warn_at_percent = 100),
      'warn_at_percent: must be a number greater than 0 and less than 100',
    ],
  ])('should report %s', (_what, breakIt, problem) => {
    const policy = clone();
    breakIt(policy);
    expect(findSlaPolicyProblems(policy)).toEqual([problem]);
  });

  it('should list every problem at once', () => {
    const policy = clone();
    policy.warn_at_percent = 'high';
    policy.targets.P0.calendar = 'nope';
    policy.calendars.business.timezone = 'Nowhere';
    expect(findSlaPolicyProblems(policy)).toHaveLength(3);
    expect(findSlaPolicyProblems([])).toEqual(['policy: must be an object']);
    const empty = clone();
    empty.calendars = {};
    expect(findSlaPolicyProblems(empty)).toEqual([
      'calendars: must be an object naming at least one calendar',
      ...['P0', 'P1', 'P2', 'P3'].map((level) =>
        expect.stringMatching(`^targets.${level}.calendar`),
      ),
    ]);
  });

  it('should throw one error naming every problem', () => {
    const policy = clone();
    delete policy.targets;
    expect(() => assertValidSlaPolicy(policy)).toThrow(InvalidSlaPolicyError);
    expect(() => assertValidSlaPolicy(policy)).toThrow(/targets: must be an object/);
  });
});
