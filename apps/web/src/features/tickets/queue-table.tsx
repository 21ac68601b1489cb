import type { PriorityLevel, Ticket } from '../../api/types';
import { LevelBadge, StatusPill } from '../../shared/badges';
import { formatAge, formatNumber, label } from '../../shared/format';
import { Link } from '../../shared/router';
import { SlaBadges } from '../sla/sla-badges';

interface Props {
  tickets: readonly Ticket[];
  /** Tickets that rose a level since last seen, with the level they had then. */
  risen: ReadonlyMap<number, PriorityLevel>;
  /** Who created a ticket, in words (the list only carries ids). */
  creatorOf: (ticket: Ticket) => string;
  /** Who works a ticket, in words; the column is left out when undefined (reporters). */
  assigneeOf?: (ticket: Ticket) => string;
  onOpen: (ticket: Ticket) => void;
  now: number;
}

export const ticketLinkId = (id: number) => `ticket-link-${id}`;

/** The queue in priority order; on a phone each row becomes a card with labelled values. */
export function QueueTable({ tickets, risen, creatorOf, assigneeOf, onOpen, now }: Props) {
  return (
    <div className="table-wrap">
      <table className="tickets">
        <caption className="visually-hidden">Tickets</caption>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col" className="num">
              Score
            </th>
            <th scope="col">Title</th>
            <th scope="col">Issue</th>
            <th scope="col">Customer</th>
            <th scope="col" className="num">
              Impact
            </th>
            <th scope="col">Status</th>
            <th scope="col">SLA</th>
            {assigneeOf && <th scope="col">Assignee</th>}
            <th scope="col">Created by</th>
            <th scope="col">Age</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => {
            const rose = risen.get(ticket.id);
            return (
              <tr key={ticket.id} className={rose ? 'risen' : undefined} data-ticket={ticket.id}>
                <td className="level">
                  <LevelBadge level={ticket.priority_level} />
                  {ticket.priority_override && <span className="pinned"> pinned</span>}
                </td>
                <td className="num" data-label="Score">
                  {formatNumber(ticket.priority_score)}
                </td>
                <td className="title">
                  <Link
                    id={ticketLinkId(ticket.id)}
                    to={`/tickets/${ticket.id}`}
                    onClick={() => onOpen(ticket)}
                  >
                    {ticket.title || `Ticket #${ticket.id}`}
                  </Link>
                  {rose && (
                    <span className="risen-note">
                      {' '}
                      Rose from {rose} to {ticket.priority_level}
                    </span>
                  )}
                </td>
                <td data-label="Issue">{label(ticket.issue_type)}</td>
                <td data-label="Customer">{label(ticket.customer_type)}</td>
                <td className="num" data-label="Impact">
                  {formatNumber(ticket.impact)}
                </td>
                <td className="status">
                  <StatusPill status={ticket.status} />
                </td>
                <td className="sla">
                  <SlaBadges sla={ticket.sla} />
                </td>
                {assigneeOf && <td data-label="Assignee">{assigneeOf(ticket)}</td>}
                <td data-label="By">{creatorOf(ticket)}</td>
                <td data-label="Age">{formatAge(ticket.created_at, now)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
