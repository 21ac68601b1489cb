import { useEffect, useRef, useState, type FormEvent } from 'react';

import type { PriorityLevel, Ticket } from '../../api/types';
import { LEVELS } from '../../shared/badges';
import { FieldError } from '../../shared/messages';
import { useUpdateTicket } from './hooks';
import { REASON_MAX, reasonError } from './ticket-changes';
import { UpdateMessageView, useUpdateMessage, type UpdateMessage } from './update-message';

interface Props {
  ticket: Ticket;
  open: boolean;
  onClose: (done?: UpdateMessage) => void;
}

/**
 * "Override priority": a modal dialog (the native <dialog>: focus moves in, Escape closes,
 * the page behind is inert) with the level and a required reason of 10 to 500 characters.
 */
export function OverrideDialog({ ticket, open, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const update = useUpdateTicket(ticket.id);
  const outcome = useUpdateMessage(ticket.id);
  const [level, setLevel] = useState<PriorityLevel>(ticket.priority_level);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setLevel(ticket.priority_override?.level ?? ticket.priority_level);
      setReason('');
      setError(undefined);
      outcome.clear();
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    } else if (!open && element.open) element.close();
    // Only opening and closing matter here.
  }, [open]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = reasonError(reason);
    setError(problem);
    if (problem) {
      document.getElementById('override-reason')?.focus();
      return;
    }
    update.mutate(
      { priority_override: { level, reason: reason.trim() } },
      {
        onSuccess: (after) =>
          onClose({
            kind: 'info',
            text: `Ticket ${after.id} is pinned at ${after.priority_level}.`,
          }),
        onError: outcome.fail,
      },
    );
  }

  const fieldMessages = error ? [error] : undefined;
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="override-heading"
      onClose={() => open && onClose()}
    >
      <form className="stack" noValidate onSubmit={submit}>
        <h2 id="override-heading">Override priority</h2>
        <p className="muted">
          Pins the level in force; the score keeps updating. The formula gives{' '}
          {ticket.computed_level}.
        </p>
        <div className="field">
          <label htmlFor="override-level">Level</label>
          <select
            id="override-level"
            value={level}
            onChange={(e) => setLevel(e.target.value as PriorityLevel)}
          >
            {LEVELS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="override-reason">Reason</label>
          <textarea
            id="override-reason"
            rows={3}
            maxLength={REASON_MAX}
            required
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby="override-reason-hint override-reason-error"
            onChange={(e) => setReason(e.target.value)}
          />
          <p id="override-reason-hint" className="hint">
            Required: why the formula is wrong here, 10 to 500 characters ({reason.trim().length} so
            far). Agents and admins see it; the reporter does not.
          </p>
          <FieldError id="override-reason-error" messages={fieldMessages} />
        </div>
        <UpdateMessageView message={outcome.message} />
        <div className="actions">
          <button type="submit" className="button primary" disabled={update.isPending}>
            Set override
          </button>
          <button type="button" className="button secondary" onClick={() => onClose()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
