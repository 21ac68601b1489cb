import { useEffect, useMemo, type ReactNode } from 'react';

import { problemFrom } from '../../api/problem';
import type { Ticket } from '../../api/types';
import { LevelBadge, StatusPill } from '../../shared/badges';
import { useFocusOnMount } from '../../shared/focus';
import { formatDate, formatNumber, label } from '../../shared/format';
import { ErrorMessage } from '../../shared/messages';
import { Link, useParams } from '../../shared/router';
import { useSession } from '../../shared/session/session-context';
import { Breakdown } from './breakdown';
import { useTicket, useTicketEvents } from './hooks';
import { LevelMemory } from './level-memory';
import { lastQueueUrl } from './queue-return';
import { StatusActions } from './status-actions';
import { Timeline } from './timeline';

function Details({ ticket, creator }: { ticket: Ticket; creator: string }) {
  const rows: [string, ReactNode][] = [
    ['Level', <LevelBadge key="level" level={ticket.priority_level} />],
    ['Score', formatNumber(ticket.priority_score)],
    ['Status', <StatusPill key="status" status={ticket.status} />],
    ['Issue type', label(ticket.issue_type)],
    ['Affected users', formatNumber(ticket.impact)],
    ['Customer type', label(ticket.customer_type)],
    ['Created by', creator],
    ['Created', formatDate(ticket.created_at)],
    ['Updated', formatDate(ticket.updated_at)],
  ];
  if (ticket.resolved_at) rows.push(['Resolved', formatDate(ticket.resolved_at)]);
  if (ticket.closed_at) rows.push(['Closed', formatDate(ticket.closed_at)]);
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div key={term} className="detail">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One ticket: its fields, why it has its priority, what an agent can do, its history. */
export default function TicketPage() {
  const id = Number(useParams().id);
  const { user } = useSession();
  const ticket = useTicket(id);
  const events = useTicketEvents(id);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const memory = useMemo(() => (user ? new LevelMemory(user.id) : undefined), [user]);
  const level = ticket.data?.priority_level;

  useEffect(() => {
    if (level) memory?.seen(id, level);
  }, [memory, id, level]);

  const creator =
    events.data?.find((event) => event.type === 'created')?.actor ??
    (ticket.data ? `user #${ticket.data.created_by}` : '');
  const canMove = user?.role === 'agent' || user?.role === 'admin';

  return (
    <section className="view" aria-labelledby="ticket-heading">
      <div className="view-title">
        <h1 id="ticket-heading" tabIndex={-1} ref={heading}>
          Ticket #{id}
          {ticket.data?.title && <span className="ticket-title">: {ticket.data.title}</span>}
        </h1>
        <Link className="button secondary back" to={lastQueueUrl()}>
          Back to queue
        </Link>
      </div>
      <ErrorMessage problem={ticket.error ? problemFrom(ticket.error) : undefined} />
      {ticket.data && (
        <div className="two-columns detail-body">
          <div className="stack">
            <section className="card" aria-labelledby="fields-heading">
              <h2 id="fields-heading">Details</h2>
              <Details ticket={ticket.data} creator={creator} />
              {ticket.data.description && <p className="description">{ticket.data.description}</p>}
            </section>
            <section className="card">
              <Breakdown breakdown={ticket.data.breakdown} score={ticket.data.priority_score} />
            </section>
          </div>
          <div className="stack">
            {canMove && <StatusActions ticket={ticket.data} />}
            {events.data && <Timeline events={events.data} />}
            {events.error && <ErrorMessage problem={problemFrom(events.error)} />}
          </div>
        </div>
      )}
    </section>
  );
}
