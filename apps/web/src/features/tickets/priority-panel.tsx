import { useRef, useState } from 'react';

import type { Ticket } from '../../api/types';
import { LevelBadge } from '../../shared/badges';
import { formatDate } from '../../shared/format';
import { useUpdateTicket } from './hooks';
import { OverrideDialog } from './override-dialog';
import { overrideMessage } from './ticket-changes';
import { UpdateMessageView, useUpdateMessage, type UpdateMessage } from './update-message';

/** The level in force, what the weights give, the override with its reason; set or clear it. */
export function PriorityPanel({ ticket }: { ticket: Ticket }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const clear = useUpdateTicket(ticket.id);
  const outcome = useUpdateMessage(ticket.id);
  const override = ticket.priority_override;

  function closed(done?: UpdateMessage) {
    setOpen(false);
    if (done) outcome.info(done.text);
    opener.current?.focus();
  }

  function clearOverride() {
    outcome.clear();
    clear.mutate(
      { priority_override: null },
      {
        onSuccess: (after) => outcome.info(overrideMessage(after.id, null, after.computed_level)),
        onError: outcome.fail,
      },
    );
  }

  return (
    <section className="card stack" aria-labelledby="priority-heading">
      <h2 id="priority-heading">Priority</h2>
      <p>
        In force: <LevelBadge level={ticket.priority_level} />{' '}
        {override ? (
          <span className="pinned">
            pinned{override.by && ` by ${override.by.username}`}, {formatDate(override.at)}
          </span>
        ) : (
          <span className="muted">computed from the score</span>
        )}
      </p>
      {override && (
        <>
          <p>
            Computed level: <LevelBadge level={ticket.computed_level} />
          </p>
          {override.reason && (
            <blockquote className="override-reason" aria-label="Reason for the override">
              {override.reason}
            </blockquote>
          )}
        </>
      )}
      <div className="actions">
        <button
          ref={opener}
          type="button"
          className="button secondary"
          aria-haspopup="dialog"
          onClick={() => setOpen(true)}
        >
          {override ? 'Change override' : 'Override priority'}
        </button>
        {override && (
          <button
            type="button"
            className="button secondary"
            disabled={clear.isPending}
            onClick={clearOverride}
          >
            Clear override
          </button>
        )}
      </div>
      <UpdateMessageView message={outcome.message} />
      <OverrideDialog ticket={ticket} open={open} onClose={closed} />
    </section>
  );
}
