import { useState } from 'react';

import { ApiError, problemFrom } from '../../api/problem';
import type { Ticket, TicketStatus } from '../../api/types';
import { statusLabel } from '../../shared/format';
import { getTicket } from '../../api/tickets';
import { useMoveTicket } from './hooks';
import { actionLabel, conflictMessage, NEXT_STATUSES } from './lifecycle';

/** The allowed next statuses as buttons; a refusal is said in words. */
export function StatusActions({ ticket }: { ticket: Ticket }) {
  const move = useMoveTicket(ticket.id);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string }>();

  async function explain(error: unknown, wanted: TicketStatus) {
    if (error instanceof ApiError && error.status === 409) {
      const now = await getTicket(ticket.id).catch(() => undefined);
      setMessage({ kind: 'error', text: conflictMessage(ticket.id, wanted, now) });
    } else setMessage({ kind: 'error', text: problemFrom(error).detail });
  }

  function run(to: TicketStatus) {
    setMessage(undefined);
    move.mutate(to, {
      onSuccess: (moved) =>
        setMessage({
          kind: 'info',
          text: `Ticket ${moved.id} is now ${statusLabel(moved.status)}.`,
        }),
      onError: (error) => void explain(error, to),
    });
  }

  return (
    <section className="card stack" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Move this ticket</h2>
      <div className="actions">
        {NEXT_STATUSES[ticket.status].map((to) => (
          <button
            key={to}
            type="button"
            className="button primary"
            disabled={move.isPending}
            onClick={() => run(to)}
          >
            {actionLabel(ticket.status, to)}
          </button>
        ))}
      </div>
      {message?.kind === 'error' ? (
        <div className="message" role="alert">
          {message.text}
        </div>
      ) : (
        <p className="message info" role="status">
          {message?.text}
        </p>
      )}
    </section>
  );
}
