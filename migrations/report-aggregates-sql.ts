/**
 * The SQL of migration 1768500000000-ReportAggregates: triggers that keep the report aggregates
 * in the transaction of every write to `tickets` and `ticket_events`, and the one-off fill from
 * the rows already there. Frozen with that migration: a change to what is counted, or to the
 * duration bins (apps/api/src/reports/duration-bins.ts, which computes the same bins and is
 * checked against this SQL by test/reports/report-aggregates.e2e-spec.ts), is a new migration.
 */
export type Dialect = 'sqlite' | 'mysql';

const SLOT_SECONDS = 900;
const DAY_SECONDS = 86_400;
export const TRIGGERS = [
  'report_tickets_insert',
  'report_tickets_update',
  'report_tickets_delete',
  'report_events_insert',
  'report_events_delete',
];

/** Expressions that differ between the engines; all integer arithmetic, none session-dependent. */
export function fragments(dialect: Dialect) {
  const mysql = dialect === 'mysql';
  const idiv = (a: string, b: number) => (mysql ? `(${a}) DIV ${b}` : `(${a}) / ${b}`);
  const seconds = (x: string) =>
    mysql
      ? `TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', ${x})`
      : `CAST(strftime('%s', ${x}) AS INTEGER)`;
  const text = (v: string) => (mysql ? `CAST(${v} AS CHAR)` : `CAST(${v} AS TEXT)`);
  const int = (v: string) => (mysql ? `CAST(${v} AS SIGNED)` : `CAST(${v} AS INTEGER)`);
  const json = (column: string, key: string) =>
    mysql
      ? `JSON_UNQUOTE(JSON_EXTRACT(${column}, '$.${key}'))`
      : `json_extract(${column}, '$.${key}')`;
  return {
    slot: (x: string) => idiv(seconds(x), SLOT_SECONDS),
    day: (x: string) => idiv(seconds(x), DAY_SECONDS),
    /** Minutes in tenths, halves up: the expression of migration 1768200000001's columns. */
    tenths: (from: string, to: string) =>
      mysql
        ? `((TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) DIV 1000 + 3000) DIV 6000)`
        : `((CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER) + 3000) / 6000)`,
    /** duration-bins.ts `binOf`: two leading digits, halved, 45 bins per power of ten. */
    bin: (v: string) =>
      `(CASE WHEN ${v} < 10 THEN ${mysql ? 'GREATEST' : 'MAX'}(${v}, 0) ELSE 10 + ` +
      `(LENGTH(${text(v)}) - 2) * 45 + ${idiv(`${int(`SUBSTR(${text(v)}, 1, 2)`)} - 10`, 2)} END)`,
    json,
    dueIsSet: (column: string) =>
      mysql
        ? `JSON_TYPE(JSON_EXTRACT(${column}, '$.due_at')) = 'STRING'`
        : `json_type(${column}, '$.due_at') = 'text'`,
    /** The breached target's due instant, an ISO 8601 text in the event's data. */
    dueAt: (column: string) =>
      mysql
        ? `CAST(REPLACE(REPLACE(${json(column, 'due_at')}, 'T', ' '), 'Z', '') AS DATETIME(3))`
        : json(column, 'due_at'),
    differ: (a: string, b: string) => (mysql ? `NOT (${a} <=> ${b})` : `${a} IS NOT ${b}`),
  };
}

/** One thing a row adds to an aggregate: where (its key) and when (it applies to the row). */
interface Share {
  table: 'report_slots' | 'report_duration_days';
  column: string;
  keys: string[];
  /** Key values and condition for a row whose columns are prefixed by `r` (`NEW.`, `OLD.`). */
  values: (r: string) => string[];
  when: (r: string) => string;
  /** The columns it depends on: an update moves it only when one of them changes. */
  inputs: string[];
}

function ticketShares(dialect: Dialect): Share[] {
  const f = fragments(dialect);
  const level = (r: string) => `COALESCE(${r}created_level, '')`;
  const slotShare = (column: string, at: string): Share => ({
    table: 'report_slots',
    column,
    keys: ['slot', 'level'],
    values: (r) => [f.slot(`${r}${at}`), level(r)],
    when: (r) => `${r}${at} IS NOT NULL`,
    inputs: [at, 'created_level'],
  });
  const durationShare = (metric: string, moment: string): Share => ({
    table: 'report_duration_days',
    column: 'n',
    keys: ['day', 'metric', 'level', 'bin'],
    values: (r) => [
      f.day(`${r}created_at`),
      `'${metric}'`,
      level(r),
      f.bin(f.tenths(`${r}created_at`, `${r}${moment}`)),
    ],
    when: (r) => `${r}${moment} IS NOT NULL`,
    inputs: ['created_at', moment, 'created_level'],
  });
  return [
    slotShare('created', 'created_at'),
    slotShare('resolved', 'resolved_at'),
    durationShare('first_response', 'first_response_at'),
    durationShare('resolution', 'resolved_at'),
  ];
}

function eventShares(dialect: Dialect): Share[] {
  const f = fragments(dialect);
  const share = (column: string, when: (r: string) => string, at: (r: string) => string) => ({
    table: 'report_slots' as const,
    column,
    keys: ['slot', 'level'],
    values: (r: string) => [f.slot(at(r)), "''"],
    when,
    inputs: [],
  });
  const breach = (metric: string) =>
    share(
      `${metric}_breaches`,
      (r) =>
        `${r}type = 'sla_breached' AND ${f.json(`${r}data`, 'metric')} = '${metric}' ` +
        `AND ${f.dueIsSet(`${r}data`)}`,
      (r) => f.dueAt(`${r}data`),
    );
  return [
    share(
      'escalations',
      (r) => `${r}type = 'level_raised'`,
      (r) => `${r}created_at`,
    ),
    share(
      'overrides',
      (r) => `${r}type = 'priority_overridden'`,
      (r) => `${r}created_at`,
    ),
    breach('first_response'),
    breach('resolution'),
  ];
}

/** Adds `delta` to the share's counter of row `r` where `condition` holds: an upsert. */
function upsert(dialect: Dialect, share: Share, r: string, delta: 1 | -1, condition: string) {
  const columns = [...share.keys, share.column].join(', ');
  const values = [...share.values(r), String(delta)].join(', ');
  if (dialect === 'mysql') {
    return (
      `IF ${condition} THEN INSERT INTO ${share.table} (${columns}) VALUES (${values}) ` +
      `ON DUPLICATE KEY UPDATE ${share.column} = ${share.column} + (${delta}); END IF;`
    );
  }
  return (
    `INSERT INTO ${share.table} (${columns}) SELECT ${values} WHERE ${condition} ` +
    `ON CONFLICT (${share.keys.join(', ')}) DO UPDATE SET ${share.column} = ${share.column} + excluded.${share.column};`
  );
}

function trigger(dialect: Dialect, name: string, event: string, table: string, body: string[]) {
  const each = dialect === 'mysql' ? ' FOR EACH ROW' : '';
  return `CREATE TRIGGER ${name} AFTER ${event} ON ${table}${each} BEGIN ${body.join(' ')} END`;
}

/** The triggers: what a row adds when inserted, takes back when deleted, moves when updated. */
export function reportTriggers(dialect: Dialect): string[] {
  const f = fragments(dialect);
  const tickets = ticketShares(dialect);
  const events = eventShares(dialect);
  const moved = (share: Share) =>
    share.inputs.map((column) => f.differ(`OLD.${column}`, `NEW.${column}`)).join(' OR ');
  const watched = 'created_at, created_level, resolved_at, first_response_at';
  return [
    trigger(
      dialect,
      TRIGGERS[0],
      'INSERT',
      'tickets',
      tickets.map((s) => upsert(dialect, s, 'NEW.', 1, s.when('NEW.'))),
    ),
    trigger(
      dialect,
      TRIGGERS[1],
      dialect === 'mysql' ? 'UPDATE' : `UPDATE OF ${watched}`,
      'tickets',
      tickets.flatMap((s) => [
        upsert(dialect, s, 'OLD.', -1, `(${s.when('OLD.')}) AND (${moved(s)})`),
        upsert(dialect, s, 'NEW.', 1, `(${s.when('NEW.')}) AND (${moved(s)})`),
      ]),
    ),
    trigger(
      dialect,
      TRIGGERS[2],
      'DELETE',
      'tickets',
      tickets.map((s) => upsert(dialect, s, 'OLD.', -1, s.when('OLD.'))),
    ),
    trigger(
      dialect,
      TRIGGERS[3],
      'INSERT',
      'ticket_events',
      events.map((s) => upsert(dialect, s, 'NEW.', 1, s.when('NEW.'))),
    ),
    trigger(
      dialect,
      TRIGGERS[4],
      'DELETE',
      'ticket_events',
      events.map((s) => upsert(dialect, s, 'OLD.', -1, s.when('OLD.'))),
    ),
  ];
}

export const dropTriggers = () => TRIGGERS.map((name) => `DROP TRIGGER IF EXISTS ${name}`);

export const SLOT_COUNTS = [
  'created',
  'resolved',
  'escalations',
  'overrides',
  'first_response_breaches',
  'resolution_breaches',
];

/** A grouped read of one share over a range of row ids (`id >= ? AND id < ?`). */
export interface FillRead {
  table: 'tickets' | 'ticket_events';
  target: Share['table'];
  column: string;
  sql: string;
}

/**
 * The reads that fill the empty aggregates from the rows already there, one share at a time
 * and a slice of ids per statement, so no statement outlives the query budget on a large table.
 */
export function fillReads(dialect: Dialect): FillRead[] {
  const shares = [...ticketShares(dialect), ...eventShares(dialect)];
  return shares.map((share) => {
    const table = share.inputs.length ? 'tickets' : 'ticket_events';
    const keys = share.values('').map((value, i) => `${value} AS ${share.keys[i]}`);
    const ordinals = share.keys.map((_, i) => i + 1).join(', ');
    return {
      table,
      target: share.table,
      column: share.column,
      sql:
        `SELECT ${keys.join(', ')}, COUNT(*) AS n FROM ${table} ` +
        `WHERE id >= ? AND id < ? AND ${share.when('')} GROUP BY ${ordinals}`,
    };
  });
}
