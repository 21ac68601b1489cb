// Turning API values into text for people: labels, numbers, dates and ages.

const FACTORS = {
  issue_type: 'Issue type',
  customer_type: 'Customer type',
  impact: 'Affected users',
  age: 'Age',
};

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const secondsFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'always' });

const UNITS = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** API enum values as words: "in_progress" → "in progress". */
export function label(value) {
  return String(value ?? '').replaceAll('_', ' ');
}

export function factorLabel(factor) {
  return FACTORS[factor] ?? String(factor);
}

export function formatNumber(value) {
  return typeof value === 'number' ? numberFormat.format(value) : String(value ?? '');
}

export function formatDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? '') : dateFormat.format(date);
}

/** "2 hours ago", "yesterday", "now". */
export function formatAge(iso, now = Date.now()) {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  if (Number.isNaN(seconds)) return '';
  const [unit, size] = UNITS.find(([, unitSize]) => Math.abs(seconds) >= unitSize) ?? UNITS[6];
  // "0 seconds ago" rather than "now": an age column reads better with a number.
  const format = unit === 'second' ? secondsFormat : relativeFormat;
  return format.format(Math.round(seconds / size), unit);
}

/** The age factor's input is in hours. */
function formatHours(hours) {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${numberFormat.format(Math.round(hours * 10) / 10)} h`;
  return `${numberFormat.format(Math.round(hours / 2.4) / 10)} days`;
}

export function formatFactorInput(factor, input) {
  if (factor === 'age' && typeof input === 'number') return formatHours(input);
  return typeof input === 'number' ? formatNumber(input) : label(input);
}
