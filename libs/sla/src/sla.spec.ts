import fc from 'fast-check';

import { compileSlaPolicy, DEFAULT_SLA_POLICY, type SlaLevel, type SlaPolicy } from './policy';
import {
  checkSlaEvents,
  evaluateSla,
  FAR_FUTURE,
  slaEventBit,
  summarizeSla,
  type SlaFacts,
} from './sla';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const BERLIN: SlaPolicy = {
  ...DEFAULT_SLA_POLICY,
  calendars: {
    ...DEFAULT_SLA_POLICY.calendars,
    business: { ...DEFAULT_SLA_POLICY.calendars.business, timezone: 'Europe/Berlin' } as never,
  },
};
const policy = compileSlaPolicy(BERLIN);

const facts = (
  overrides: Partial<SlaFacts> & { level: SlaLevel; createdAt: number },
): SlaFacts => ({
  firstResponseAt: null,
  firstResolvedAt: null,
  pauses: [],
  ...overrides,
});

describe('evaluateSla', () => {
  // Friday 27 Nov 2026, 16:30 in Berlin (UTC+1).
  const friday = at('2026-11-27T15:30:00Z');

  it('should count a P2 created Friday 16:30 in business minutes of Berlin', () => {
    const sla = evaluateSla(
      facts({ level: 'P2', createdAt: friday }),
      policy,
      at('2026-11-30T09:00:00Z'),
    );
    expect(sla.paused).toBe(false);
    // 30 min on Friday, then 3 h 30 on Monday from 09:00: Monday 12:30 local.
    expect(iso(sla.first_response.dueAt)).toBe('2026-11-30T11:30:00.000Z');
    // Monday 10:00 local: 30 + 60 minutes used of 240.
    expect(sla.first_response.remainingMinutes).toBe(150);
    // 1,440 minutes: 30 Friday + 480 Monday + 480 Tuesday + 450 Wednesday → Wednesday 16:30.
    expect(iso(sla.resolution.dueAt)).toBe('2026-12-02T15:30:00.000Z');
    expect(sla.resolution.remainingMinutes).toBe(1350);
  });

  it('should apply the new level from created_at: P2 raised to P0 after 20 minutes is breached at once', () => {
    const createdAt = at('2026-12-01T09:00:00Z');
    const now = createdAt + 20 * MIN;
    const sla = evaluateSla(facts({ level: 'P0', createdAt }), policy, now);
    expect(sla.first_response).toMatchObject({
      targetMinutes: 15,
      dueAt: createdAt + 15 * MIN,
      breached: true,
      remainingMinutes: -5,
    });
    expect(sla.resolution).toMatchObject({
      dueAt: createdAt + 240 * MIN,
      breached: false,
      remainingMinutes: 220,
    });
    const check = checkSlaEvents(sla, now, 0);
    expect(check.events.map((e) => [e.kind, e.metric, e.level])).toEqual([
      ['sla_warning', 'first_response', 'P0'],
      ['sla_breached', 'first_response', 'P0'],
    ]);
    expect(check.nextCheckAt).toBe(createdAt + 180 * MIN); // 75 % of 240
  });

  it('should stop the resolution clock while pending, not the first-response clock', () => {
    const createdAt = at('2026-12-01T10:00:00Z');
    const pendingFrom = createdAt + 60 * MIN;
    const paused = facts({ level: 'P1', createdAt, pauses: [{ from: pendingFrom, to: null }] });
    const during = evaluateSla(paused, policy, createdAt + 3 * 60 * MIN);
    expect(during.paused).toBe(true);
    expect(during.resolution).toMatchObject({
      dueAt: null,
      remainingMinutes: 420,
      breached: false,
    });
    expect(during.first_response).toMatchObject({ dueAt: createdAt + 60 * MIN, breached: true });
    // Still frozen an hour later.
    expect(evaluateSla(paused, policy, createdAt + 4 * 60 * MIN).resolution.remainingMinutes).toBe(
      420,
    );
    // Resumed after two hours: the due instant moves by exactly the paused time.
    const resumed = facts({
      ...paused,
      pauses: [{ from: pendingFrom, to: pendingFrom + 120 * MIN }],
    });
    const after = evaluateSla(resumed, policy, createdAt + 4 * 60 * MIN);
    expect(after.paused).toBe(false);
    expect(after.resolution).toMatchObject({ dueAt: createdAt + 600 * MIN, remainingMinutes: 360 });
  });

  it('should keep a breach that happened before the pause', () => {
    const createdAt = at('2026-12-01T10:00:00Z');
    const pauses = [{ from: createdAt + 300 * MIN, to: null }];
    const sla = evaluateSla(
      facts({ level: 'P0', createdAt, pauses }),
      policy,
      createdAt + 400 * MIN,
    );
    expect(sla.resolution).toMatchObject({ dueAt: null, breached: true, remainingMinutes: -60 });
    expect(sla.resolution.breachAt).toBe(createdAt + 240 * MIN);
  });

  it('should report met targets with met_at and no remaining minutes', () => {
    const createdAt = at('2026-12-01T10:00:00Z');
    const sla = evaluateSla(
      facts({
        level: 'P1',
        createdAt,
        firstResponseAt: createdAt + 30 * MIN,
        firstResolvedAt: createdAt + 600 * MIN,
      }),
      policy,
      createdAt + 700 * MIN,
    );
    expect(sla.first_response).toMatchObject({
      metAt: createdAt + 30 * MIN,
      breached: false,
      remainingMinutes: null,
    });
    expect(sla.resolution).toMatchObject({
      dueAt: createdAt + 480 * MIN,
      breached: true,
      remainingMinutes: null,
    });
    expect(summarizeSla(sla)).toEqual({
      dueAt: null,
      breachAt: createdAt + 480 * MIN,
      riskFrom: null,
      riskUntil: null,
    });
  });

  it('should round remaining minutes toward zero on both sides of the due instant', () => {
    const createdAt = at('2026-12-01T10:00:00Z');
    const sla = (now: number) =>
      evaluateSla(facts({ level: 'P0', createdAt }), policy, now).first_response;
    expect(sla(createdAt + 14.5 * MIN).remainingMinutes).toBe(0);
    expect(sla(createdAt + 15 * MIN)).toMatchObject({ remainingMinutes: 0, breached: false });
    expect(sla(createdAt + 15.5 * MIN)).toMatchObject({ remainingMinutes: 0, breached: true });
    expect(sla(createdAt + 16.5 * MIN).remainingMinutes).toBe(-1);
  });

  it('should count down one working minute per working minute and keep due instants fixed', () => {
    const createdAt = at('2026-11-27T15:30:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 * 1440 }),
        fc.integer({ min: 0, max: 1440 }),
        (t, dt) => {
          const early = evaluateSla(facts({ level: 'P3', createdAt }), policy, createdAt + t * MIN);
          const late = evaluateSla(
            facts({ level: 'P3', createdAt }),
            policy,
            createdAt + (t + dt) * MIN,
          );
          expect(late.resolution.dueAt).toBe(early.resolution.dueAt);
          expect(late.resolution.remainingMinutes!).toBeLessThanOrEqual(
            early.resolution.remainingMinutes!,
          );
          expect(
            early.resolution.remainingMinutes! - late.resolution.remainingMinutes!,
          ).toBeLessThanOrEqual(dt);
        },
      ),
    );
  });
});

describe('checkSlaEvents', () => {
  const createdAt = at('2026-12-01T10:00:00Z');
  const p1 = facts({ level: 'P1', createdAt });
  const check = (f: SlaFacts, now: number, recorded = 0) =>
    checkSlaEvents(evaluateSla(f, policy, now), now, recorded);

  it('should warn at 75 % and breach after 100 %, once per metric and level', () => {
    expect(check(p1, createdAt)).toEqual({
      events: [],
      recorded: 0,
      nextCheckAt: createdAt + 45 * MIN,
    });
    const warned = check(p1, createdAt + 45 * MIN);
    expect(warned.events).toEqual([
      {
        kind: 'sla_warning',
        metric: 'first_response',
        level: 'P1',
        dueAt: createdAt + 60 * MIN,
        crossedAt: createdAt + 45 * MIN,
      },
    ]);
    expect(warned.nextCheckAt).toBe(createdAt + 60 * MIN + 1);
    expect(check(p1, createdAt + 50 * MIN, warned.recorded).events).toEqual([]);
    const breached = check(p1, createdAt + 61 * MIN, warned.recorded);
    expect(breached.events.map((e) => e.kind)).toEqual(['sla_breached']);
    expect(breached.recorded).toBe(
      slaEventBit('first_response', 'P1', 'sla_warning') |
        slaEventBit('first_response', 'P1', 'sla_breached'),
    );
    expect(breached.nextCheckAt).toBe(createdAt + 360 * MIN); // resolution warning
  });

  it('should not warn about a target met before the warning', () => {
    const answered = { ...p1, firstResponseAt: createdAt + 10 * MIN };
    expect(check(answered, createdAt + 50 * MIN).events).toEqual([]);
  });

  it('should record a breach that was only met late, even if checked afterwards', () => {
    const late = { ...p1, firstResponseAt: createdAt + 70 * MIN };
    expect(check(late, createdAt + 80 * MIN).events.map((e) => e.kind)).toEqual([
      'sla_warning',
      'sla_breached',
    ]);
  });

  it('should wait while paused and not look again until something changes', () => {
    const paused = {
      ...p1,
      firstResponseAt: createdAt + MIN,
      pauses: [{ from: createdAt + 2 * MIN, to: null }],
    };
    expect(check(paused, createdAt + 1000 * MIN)).toEqual({
      events: [],
      recorded: 0,
      nextCheckAt: null,
    });
  });
});

describe('summarizeSla', () => {
  it('should give the instants the queue filters compare with now', () => {
    const createdAt = at('2026-12-01T10:00:00Z');
    const summary = summarizeSla(evaluateSla(facts({ level: 'P0', createdAt }), policy, createdAt));
    expect(summary).toEqual({
      dueAt: createdAt + 15 * MIN,
      breachAt: createdAt + 15 * MIN,
      riskFrom: createdAt + 11.25 * MIN,
      riskUntil: createdAt + 15 * MIN,
    });
    const paused = facts({
      level: 'P0',
      createdAt,
      firstResponseAt: createdAt + MIN,
      pauses: [{ from: createdAt + 200 * MIN, to: null }],
    });
    expect(summarizeSla(evaluateSla(paused, policy, createdAt))).toEqual({
      dueAt: null,
      breachAt: null,
      riskFrom: createdAt + 180 * MIN,
      riskUntil: FAR_FUTURE,
    });
  });
});
