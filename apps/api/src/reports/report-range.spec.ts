import fc from 'fast-check';

import { bucketIndex, percentile, rangeProblems, reportRange, SLOT_MS } from './report-range';

const iso = (ms: number) => new Date(ms).toISOString();

describe('reportRange', () => {
  it('should cut days at local midnight, with a 23-hour day when Berlin springs forward', () => {
    const range = reportRange('2026-03-28', '2026-03-30', 'day', 'Europe/Berlin');
    expect(
      range.buckets.map((b) => [b.start, iso(b.startMs), (b.endMs - b.startMs) / 3.6e6]),
    ).toEqual([
      ['2026-03-28', '2026-03-27T23:00:00.000Z', 24],
      ['2026-03-29', '2026-03-28T23:00:00.000Z', 23],
      ['2026-03-30', '2026-03-29T22:00:00.000Z', 24],
    ]);
  });

  it('should start weeks on Monday and cut the first and last week to the range', () => {
    // 2026-12-02 is a Wednesday.
    const range = reportRange('2026-12-02', '2026-12-15', 'week', 'UTC');
    expect(range.buckets.map((b) => [b.start, iso(b.endMs)])).toEqual([
      ['2026-12-02', '2026-12-07T00:00:00.000Z'],
      ['2026-12-07', '2026-12-14T00:00:00.000Z'],
      ['2026-12-14', '2026-12-16T00:00:00.000Z'],
    ]);
  });

  it('should tile the range with adjacent buckets on 15-minute UTC slots in any zone', () => {
    const zones = [
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom(...zones),
        fc.constantFrom('day' as const, 'week' as const),
        (offset, length, zone, size) => {
          const from = new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const to = new Date(Date.UTC(2025, 0, 1) + (offset + length) * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const range = reportRange(from, to, size, zone);
          expect(range.buckets[0].startMs).toBe(range.startMs);
          expect(range.buckets.at(-1)!.endMs).toBe(range.endMs);
          range.buckets.forEach((bucket, i) => {
            expect(bucket.startMs % SLOT_MS).toBe(0);
            expect(bucket.startMs).toBe(i === 0 ? range.startMs : range.buckets[i - 1].endMs);
            expect(bucketIndex(range.buckets, bucket.startMs)).toBe(i);
            expect(bucketIndex(range.buckets, bucket.endMs - 1)).toBe(i);
          });
          expect(bucketIndex(range.buckets, range.endMs)).toBe(-1);
          expect(bucketIndex(range.buckets, range.startMs - 1)).toBe(-1);
        },
      ),
    );
  });

  it.each([
    ['2026-01-01', '2026-12-31', 'UTC', []],
    ['2026-01-01', '2027-01-02', 'UTC', ['the range must be at most 366 days']],
    ['2026-02-01', '2026-01-31', 'UTC', ['to must not be before from']],
    [
      '2026-01-01',
      '2026-01-02',
      'Mars/Olympus',
      ['tz must be an IANA time zone, not Mars/Olympus'],
    ],
  ])('should check %s..%s in %s', (from, to, zone, problems) => {
    expect(rangeProblems(from, to, zone)).toEqual(problems);
  });
});

describe('percentile', () => {
  it.each([
    [[], 50, null],
    [[7], 90, 7],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
  ])('should take the nearest rank of %j at p%d', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('should return an observed value with at least p % of the values at or below it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const value = percentile(sorted, p)!;
          expect(sorted).toContain(value);
          expect(sorted.filter((v) => v <= value).length / sorted.length).toBeGreaterThanOrEqual(
            p / 100,
          );
          expect(sorted.filter((v) => v < value).length / sorted.length).toBeLessThan(p / 100);
        },
      ),
    );
  });
});
