import { describe, expect, it } from 'vitest';

import { addDays, localDate, parseReportParams, reportUrl } from './report-params';

describe('report params', () => {
  const now = new Date('2026-03-29T23:30:00.000Z');

  it('should default to the last 30 local days in the browser zone', () => {
    expect(parseReportParams(new URLSearchParams(), now, 'Europe/Berlin')).toEqual({
      from: '2026-03-01',
      to: '2026-03-30',
      bucket: 'day',
      tz: 'Europe/Berlin',
    });
    expect(parseReportParams(new URLSearchParams(), now, 'UTC').to).toBe('2026-03-29');
  });

  it('should read and write the URL, refusing unknown zones and buckets', () => {
    const params = {
      from: '2026-01-05',
      to: '2026-02-01',
      bucket: 'week',
      tz: 'Asia/Tokyo',
    } as const;
    const url = reportUrl(params);
    expect(parseReportParams(new URL(url, 'http://x').searchParams, now, 'UTC')).toEqual(params);
    const bad = new URLSearchParams({ tz: 'Mars/Olympus', bucket: 'year', from: 'x' });
    expect(parseReportParams(bad, now, 'UTC')).toEqual({
      from: '2026-02-28',
      to: '2026-03-29',
      bucket: 'day',
      tz: 'UTC',
    });
  });

  it('should count calendar days across month ends and DST', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(localDate(new Date('2026-03-29T22:30:00.000Z'), 'Europe/Berlin')).toBe('2026-03-30');
  });
});
