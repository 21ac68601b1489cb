import type { FieldError } from '../common/problem-details';
import type { ImportTicketDto } from './dto/import-tickets.dto';

/** The instants of one imported row, parsed; `null` where the row gives none. */
export interface ImportedTimes {
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

const parse = (value: string | undefined) => (value === undefined ? null : new Date(value));

/** Which instants a status may carry: an open ticket has no resolution, only a closed one closes. */
const ALLOWED = {
  resolved_at: ['resolved', 'closed'],
  closed_at: ['closed'],
} as const;

/**
 * Checks the history fields of every row at once (so one answer names every problem): each
 * instant not in the future nor before 1970, `created_at ≤ first_response_at`,
 * `created_at ≤ resolved_at ≤ closed_at`, and only the instants the row's status can have.
 */
export function historyProblems(rows: ImportTicketDto[], now: Date): FieldError[] {
  return rows.flatMap((row, index) => rowProblems(row, index, now));
}

function rowProblems(row: ImportTicketDto, index: number, now: Date): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, message: string) => {
    const path = `tickets.${index}.${field}`;
    problems.push({ field: path, messages: [`${path} ${message}`] });
  };
  const times = timesOf(row);
  const named: [string, Date | null][] = [
    ['created_at', times.createdAt],
    ['first_response_at', times.firstResponseAt],
    ['resolved_at', times.resolvedAt],
    ['closed_at', times.closedAt],
  ];
  for (const [field, at] of named) {
    if (at && at.getTime() > now.getTime()) add(field, 'must not be in the future');
    else if (at && at.getTime() < 0) add(field, 'must not be before 1970');
  }
  const status = row.status ?? 'open';
  for (const [field, statuses] of Object.entries(ALLOWED)) {
    if (row[field as keyof typeof ALLOWED] !== undefined && !statuses.includes(status as never)) {
      add(field, `is only allowed for a ${statuses.join(' or ')} ticket, not ${status}`);
    }
  }
  const before = (a: Date | null, b: Date | null) => !a || !b || a.getTime() <= b.getTime();
  if (!before(times.createdAt, times.firstResponseAt)) {
    add('first_response_at', 'must not be before created_at');
  }
  if (!before(times.createdAt, times.resolvedAt)) {
    add('resolved_at', 'must not be before created_at');
  }
  if (!before(times.resolvedAt ?? times.createdAt, times.closedAt)) {
    add('closed_at', 'must not be before resolved_at or created_at');
  }
  return problems;
}

export function timesOf(row: ImportTicketDto): ImportedTimes {
  return {
    createdAt: new Date(row.created_at),
    firstResponseAt: parse(row.first_response_at),
    resolvedAt: parse(row.resolved_at),
    closedAt: parse(row.closed_at),
  };
}
