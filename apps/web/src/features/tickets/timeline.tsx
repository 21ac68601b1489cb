import type { TicketEvent } from '../../api/types';
import { formatDate, statusLabel } from '../../shared/format';

const str = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

const FIELDS: Record<string, string> = {
  issue_type: 'issue type',
  impact: 'affected users',
  customer_type: 'customer',
};

/** `{issue_type: ['minor', 'critical']}` → "; issue type minor → critical". */
function changesOf(changes: unknown): string {
  if (typeof changes !== 'object' || changes === null) return '';
  const parts = Object.entries(changes as Record<string, unknown>)
    .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]))
    .map(([field, [from, to]]) => `${FIELDS[field] ?? field} ${str(from)} → ${str(to)}`);
  return parts.length ? `; ${parts.join(', ')}` : '';
}

/** Names agents and admins by id where the console knows them (staff only). */
export type NameOf = (id: number) => string | undefined;

const person = (id: unknown, nameOf?: NameOf) =>
  (typeof id === 'number' && nameOf?.(id)) || `user #${str(id)}`;

/** One event as a sentence. */
export function describeEvent(event: TicketEvent, nameOf?: NameOf): string {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'created':
      return `Created at ${str(data.level)} (score ${str(data.score)})`;
    case 'level_raised':
      return `Rose from ${str(data.from)} to ${str(data.to)} (score ${str(data.score_from)} → ${str(data.score_to)})`;
    case 'status_changed':
      return `Moved from ${statusLabel(data.from as never)} to ${statusLabel(data.to as never)}`;
    case 'assigned':
      return data.to === null ? 'Unassigned' : `Assigned to ${person(data.to, nameOf)}`;
    case 'claimed':
      return 'Claimed from the queue';
    case 'retriaged':
      return `Re-triaged: ${str(data.level_from)} → ${str(data.level_to)} (score ${str(data.score_from)} → ${str(data.score_to)})${changesOf(data.changes)}`;
    case 'commented':
      return data.internal ? 'Left an internal note' : 'Replied';
    case 'priority_overridden':
      return `Priority set to ${str(data.to)}: ${str(data.reason)}`;
    case 'override_cleared':
      return `Priority override cleared; ${str(data.level)} applies`;
    case 'sla_warning':
      return `SLA warning: ${str(data.metric).replace('_', ' ')} due ${formatDate(str(data.due_at))}`;
    case 'sla_breached':
      return `SLA breached: ${str(data.metric).replace('_', ' ')} was due ${formatDate(str(data.due_at))}`;
    case 'policy_rescored':
      return `Re-scored by policy version ${str(data.version)}: ${str(data.from)} → ${str(data.to)}`;
  }
}

/** The ticket's history, oldest first, as an ordered list. */
export function Timeline({ events, nameOf }: { events: readonly TicketEvent[]; nameOf?: NameOf }) {
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {events.length === 0 ? (
        <p className="muted">No events yet.</p>
      ) : (
        <ol className="timeline">
          {events.map((event) => (
            <li key={event.id} className={`event event-${event.type}`}>
              <p className="event-what">{describeEvent(event, nameOf)}</p>
              <p className="event-meta muted">
                by <strong>{event.actor}</strong>,{' '}
                <time dateTime={event.at}>{formatDate(event.at)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
