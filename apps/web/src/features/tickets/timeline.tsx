import type { TicketEvent } from '../../api/types';
import { formatDate, statusLabel } from '../../shared/format';

const str = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** One event as a sentence. */
export function describeEvent(event: TicketEvent): string {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'created':
      return `Created at ${str(data.level)} (score ${str(data.score)})`;
    case 'level_raised':
      return `Rose from ${str(data.from)} to ${str(data.to)} (score ${str(data.score_from)} → ${str(data.score_to)})`;
    case 'status_changed':
      return `Moved from ${statusLabel(data.from as never)} to ${statusLabel(data.to as never)}`;
    default:
      return str(event.type);
  }
}

/** The ticket's history, oldest first, as an ordered list. */
export function Timeline({ events }: { events: readonly TicketEvent[] }) {
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {events.length === 0 ? (
        <p className="muted">No events yet.</p>
      ) : (
        <ol className="timeline">
          {events.map((event) => (
            <li key={event.id} className={`event event-${event.type}`}>
              <p className="event-what">{describeEvent(event)}</p>
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
