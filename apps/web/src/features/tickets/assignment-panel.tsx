import { useEffect, useState, type FormEvent } from 'react';

import type { Ticket } from '../../api/types';
import { formatDate } from '../../shared/format';
import { useSession } from '../../shared/session/session-context';
import { useAgents } from '../agents/hooks';
import { useUpdateTicket } from './hooks';
import { UpdateMessageView, useUpdateMessage } from './update-message';

/**
 * Who works the ticket (agents and admins only): the assignee picker, "Assign to me", and
 * release / unassign (an in-progress ticket goes back to open).
 */
export function AssignmentPanel({ ticket }: { ticket: Ticket }) {
  const { user } = useSession();
  const agents = useAgents();
  const update = useUpdateTicket(ticket.id);
  const outcome = useUpdateMessage(ticket.id);
  const current = ticket.assignee_id === null ? '' : String(ticket.assignee_id);
  const [choice, setChoice] = useState(current);
  useEffect(() => setChoice(current), [current]);
  const mine = ticket.assignee_id === user?.id;

  function assign(assigneeId: number | null) {
    outcome.clear();
    update.mutate(
      { assignee_id: assigneeId },
      {
        onSuccess: (after) =>
          outcome.info(
            after.assignee
              ? `Ticket ${after.id} is assigned to ${after.assignee.id === user?.id ? 'you' : after.assignee.username}.`
              : `Ticket ${after.id} is unassigned${ticket.status === 'in_progress' ? ' and back to open' : ''}.`,
          ),
        onError: outcome.fail,
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (choice === current) return;
    assign(choice === '' ? null : Number(choice));
  }

  const options = agents.data ?? [];
  const missing = ticket.assignee && !options.some((agent) => agent.id === ticket.assignee?.id);
  return (
    <section className="card stack" aria-labelledby="assignment-heading">
      <h2 id="assignment-heading">Assignment</h2>
      <p>
        {ticket.assignee ? (
          <>
            Assigned to <strong>{mine ? 'you' : ticket.assignee.username}</strong>
            {ticket.assigned_at && (
              <span className="muted"> since {formatDate(ticket.assigned_at)}</span>
            )}
          </>
        ) : (
          'Unassigned'
        )}
      </p>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor="assignee-select">Assignee</label>
        <select id="assignee-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Unassigned</option>
          {missing && ticket.assignee && (
            <option value={ticket.assignee.id}>{ticket.assignee.username}</option>
          )}
          {options.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.username} ({agent.role}, {agent.available ? 'available' : 'away'},{' '}
              {agent.open_assigned}/{agent.capacity})
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="button secondary"
          disabled={update.isPending || choice === current}
        >
          Assign
        </button>
      </form>
      <div className="actions">
        {!mine && user && (
          <button
            type="button"
            className="button secondary"
            disabled={update.isPending}
            onClick={() => assign(user.id)}
          >
            Assign to me
          </button>
        )}
        {ticket.assignee && (
          <button
            type="button"
            className="button secondary"
            disabled={update.isPending}
            onClick={() => assign(null)}
          >
            {mine ? 'Release' : 'Unassign'}
          </button>
        )}
      </div>
      <UpdateMessageView message={outcome.message} />
    </section>
  );
}
