// Turning API values into words for people: labels, numbers, dates and ages.
import type { FactorPoints, TicketStatus } from '../api/types';

const FACTORS: Record<string, string> = {
  issue_type: 'Issue type',
  customer_type: 'Customer type',
  impact: 'Affected users',
  age: 'Age',
};

const STATUS: Record<TicketStatus, string> = {
  open: 'open',
  in_progress: 'in progress',
  pending: 'pending (waiting on the customer)',
  resolved: 'resolved',
  closed: 'closed',
};

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const clockFormat = new Intl.DateTimeFormat('en', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const secondsFormat = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** API enum values as words: "in_progress" → "in progress". */
export const label = (value: string | null | undefined) => String(value ?? '').replaceAll('_', ' ');

export const statusLabel = (status: TicketStatus) => STATUS[status] ?? label(status);

export const factorLabel = (factor: string) => FACTORS[factor] ?? factor;

export const formatNumber = (value: number) => numberFormat.format(value);

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** "14:03:27": the time of the last refresh, to the second. */
export const formatClock = (epochMs: number) => clockFormat.format(new Date(epochMs));

/** "2 hours ago", "yesterday", "5 seconds ago". */
export function formatAge(iso: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  if (Number.isNaN(seconds)) return '';
  const [unit, size] = UNITS.find(([, unitSize]) => Math.abs(seconds) >= unitSize) ?? UNITS[6];
  const format = unit === 'second' ? secondsFormat : relativeFormat;
  return format.format(Math.round(seconds / size), unit);
}

/** The age factor's input is in hours. */
function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${numberFormat.format(Math.round(hours * 10) / 10)} h`;
  return `${numberFormat.format(Math.round(hours / 2.4) / 10)} days`;
}

/** The document may type `input` loosely; the API sends a string or a number. */
export function formatFactorInput({ factor, input }: FactorPoints): string {
  const value = input as unknown;
  if (factor === 'age' && typeof value === 'number') return formatHours(value);
  return typeof value === 'number' ? formatNumber(value) : label(String(value));
}

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${formatNumber(count)} ${count === 1 ? one : many}`;
