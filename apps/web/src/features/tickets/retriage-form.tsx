import { useEffect, useState, type FormEvent } from 'react';

import type { CustomerType, IssueType, Ticket } from '../../api/types';
import { FieldError } from '../../shared/messages';
import { useUpdateTicket } from './hooks';
import { rescoreMessage, triageOf, triageUpdate, type TriageDraft } from './ticket-changes';
import { UpdateMessageView, useUpdateMessage } from './update-message';

/** Re-triage: correct the facts; the ticket is re-scored at once and the change said in words. */
export function RetriageForm({ ticket }: { ticket: Ticket }) {
  const update = useUpdateTicket(ticket.id);
  const outcome = useUpdateMessage(ticket.id);
  const [draft, setDraft] = useState<TriageDraft>(() => triageOf(ticket));
  const [error, setError] = useState<string>();
  const key = `${ticket.issue_type}|${ticket.impact}|${ticket.customer_type}`;
  // The ticket changed (here or elsewhere): the form shows its facts as they are now.
  useEffect(() => setDraft(triageOf(ticket)), [key]);

  function submit(event: FormEvent) {
    event.preventDefault();
    outcome.clear();
    const { update: body, error: problem } = triageUpdate(ticket, draft);
    setError(problem);
    if (!body) return;
    const before = ticket;
    update.mutate(body, {
      onSuccess: (after) => outcome.info(rescoreMessage(before, after)),
      onError: outcome.fail,
    });
  }

  const set = (patch: Partial<TriageDraft>) => setDraft((current) => ({ ...current, ...patch }));
  return (
    <section className="card stack" aria-labelledby="retriage-heading">
      <h2 id="retriage-heading">Re-triage</h2>
      <form className="stack" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor="retriage-issue_type">Corrected issue type</label>
          <select
            id="retriage-issue_type"
            value={draft.issue_type}
            onChange={(e) => set({ issue_type: e.target.value as IssueType })}
          >
            <option value="critical">critical</option>
            <option value="major">major</option>
            <option value="minor">minor</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="retriage-impact">Corrected affected users</label>
          <input
            id="retriage-impact"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={draft.impact}
            aria-invalid={error ? true : undefined}
            aria-describedby="retriage-error"
            onChange={(e) => set({ impact: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="retriage-customer_type">Corrected customer type</label>
          <select
            id="retriage-customer_type"
            value={draft.customer_type}
            onChange={(e) => set({ customer_type: e.target.value as CustomerType })}
          >
            <option value="enterprise">enterprise</option>
            <option value="paid">paid</option>
            <option value="free">free</option>
          </select>
        </div>
        <FieldError id="retriage-error" messages={error ? [error] : undefined} />
        <button type="submit" className="button secondary" disabled={update.isPending}>
          Re-score
        </button>
      </form>
      <UpdateMessageView message={outcome.message} />
    </section>
  );
}
