import type { SummaryQuery } from '../../api/types';

export type Bucket = NonNullable<SummaryQuery['bucket']>;
export const BUCKETS: readonly Bucket[] = ['day', 'week'];
/** The default range: the last 30 days, today included. */
export const DEFAULT_DAYS = 30;

/** The Reports page's range, bucket and zone, kept in the URL like the queue's filters. */
export interface ReportParams {
  from: string;
  to: string;
  bucket: Bucket;
  tz: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: Date, tz: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A calendar date plus days (negative: minus), on the calendar alone. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function validZone(tz: string | null): tz is string {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function parseReportParams(
  search: URLSearchParams,
  now = new Date(),
  defaultZone = browserZone(),
): ReportParams {
  const tzParam = search.get('tz');
  const tz = validZone(tzParam) ? tzParam : defaultZone;
  const to = DATE.test(search.get('to') ?? '') ? search.get('to')! : localDate(now, tz);
  const from = DATE.test(search.get('from') ?? '')
    ? search.get('from')!
    : addDays(to, 1 - DEFAULT_DAYS);
  const bucket = BUCKETS.find((b) => b === search.get('bucket')) ?? 'day';
  return { from, to, bucket, tz };
}

export function reportUrl(params: ReportParams): string {
  const search = new URLSearchParams({
    from: params.from,
    to: params.to,
    bucket: params.bucket,
    tz: params.tz,
  });
  return `/reports?${search.toString()}`;
}

/** Zones for the picker: the browser's list, with the chosen one and UTC always in it. */
export function zoneChoices(current: string): string[] {
  const supported =
    (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ??
    [];
  return [...new Set(['UTC', current, ...supported])].sort((a, b) =>
    a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b),
  );
}
