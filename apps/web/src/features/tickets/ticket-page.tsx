import { useEffect, useMemo, type ReactNode } from 'react';

import { problemFrom } from '../../api/problem';
import type { Ticket } from '../../api/types';
import { LevelBadge, StatusPill } from '../../shared/badges';
import { useFocusOnMount } from '../../shared/focus';
import { formatDate, formatNumber, label } from '../../shared/format';
import { ErrorMessage } from '../../shared/messages';
import { Link, useParams } from '../../shared/router';
import { Flash, useFlash } from '../../shared/flash';
import { useSession } from '../../shared/session/session-context';
import { useAgents } from '../agents/hooks';
import { CommentThread } from '../comments/comment-thread';
import { SlaBadges } from '../sla/sla-badges';
import { SlaPanel } from '../sla/sla-panel';
import { AssignmentPanel } from './assignment-panel';
import { Breakdown } from './breakdown';
import { useTicket, useTicketEvents } from './hooks';
import { LevelMemory } from './level-memory';
import { PriorityPanel } from './priority-panel';
import { lastQueueUrl } from './queue-return';
import { RetriageForm } from './retriage-form';
import { StatusActions } from './status-actions';
import { Timeline } from './timeline';

function Details({ ticket, creator, staff }: { ticket: Ticket; creator: string; staff: boolean }) {
  const level = (
    <span key="level">
      <LevelBadge level={ticket.priority_level} />
      {ticket.priority_override && (
        <span className="pinned">
          {' '}
          pinned{staff ? `; computed ${ticket.computed_level}` : ' by support'}
        </span>
      )}
    </span>
  );
  const rows: [string, ReactNode][] = [
    ['Level', level],
    ['Score', formatNumber(ticket.priority_score)],
    ['Status', <StatusPill key="status" status={ticket.status} />],
    ['SLA', <SlaBadges key="sla" sla={ticket.sla} />],
    ['Issue type', label(ticket.issue_type)],
    ['Affected users', formatNumber(ticket.impact)],
    ['Customer type', label(ticket.customer_type)],
    ['Created by', creator],
    ['Created', formatDate(ticket.created_at)],
    ['Updated', formatDate(ticket.updated_at)],
  ];
  if (staff) rows.push(['Assignee', ticket.assignee?.username ?? 'Unassigned']);
  if (ticket.first_response_at) {
    rows.push(['First response', formatDate(ticket.first_response_at)]);
  }
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
  const flash = useFlash();
  const memory = useMemo(() => (user ? new LevelMemory(user.id) : undefined), [user]);
  const level = ticket.data?.priority_level;

  useEffect(() => {
    if (level) memory?.seen(id, level);
  }, [memory, id, level]);

  const creator =
    events.data?.find((event) => event.type === 'created')?.actor ??
    (ticket.data ? `user #${ticket.data.created_by}` : '');
  const staff = user?.role === 'agent' || user?.role === 'admin';
  const agents = useAgents(staff);
  const nameOf = (agentId: number) => agents.data?.find((agent) => agent.id === agentId)?.username;

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
      <Flash text={flash} />
      <ErrorMessage problem={ticket.error ? problemFrom(ticket.error) : undefined} />
      {ticket.data && (
        <div className="two-columns detail-body">
          <div className="stack">
            <section className="card" aria-labelledby="fields-heading">
              <h2 id="fields-heading">Details</h2>
              <Details ticket={ticket.data} creator={creator} staff={staff} />
              {ticket.data.description && <p className="description">{ticket.data.description}</p>}
            </section>
            <SlaPanel ticket={ticket.data} />
            <section className="card">
              <Breakdown breakdown={ticket.data.breakdown} score={ticket.data.priority_score} />
            </section>
            <CommentThread ticketId={id} staff={staff} pending={ticket.data.status === 'pending'} />
          </div>
          <div className="stack">
            {staff && <StatusActions ticket={ticket.data} />}
            {staff && <AssignmentPanel ticket={ticket.data} />}
            {staff && <PriorityPanel ticket={ticket.data} />}
            {staff && <RetriageForm ticket={ticket.data} />}
            {events.data && <Timeline events={events.data} nameOf={nameOf} />}
            {events.error && <ErrorMessage problem={problemFrom(events.error)} />}
          </div>
        </div>
      )}
    </section>
  );
}
