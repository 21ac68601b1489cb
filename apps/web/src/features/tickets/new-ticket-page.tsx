import { useEffect, useRef, useState, type FormEvent } from 'react';

import { problemFrom } from '../../api/problem';
import type { CreatedTicket } from '../../api/types';
import { LevelBadge } from '../../shared/badges';
import { useFocusOnMount } from '../../shared/focus';
import { formatNumber } from '../../shared/format';
import { ErrorMessage, FieldError } from '../../shared/messages';
import { Link } from '../../shared/router';
import { useDraft } from '../../shared/session/draft';
import { useSession } from '../../shared/session/session-context';
import { Breakdown } from './breakdown';
import { useCreateTicket } from './hooks';
import { IssueTypeSuggestion } from './suggestion';
import { EMPTY_DRAFT, toNewTicket, type TicketDraft } from './ticket-form';

function Result({ ticket }: { ticket: CreatedTicket }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="card stack" aria-labelledby="result-heading">
      <h2 id="result-heading" tabIndex={-1} ref={heading}>
        Ticket created
      </h2>
      <p className="result-summary">
        <LevelBadge level={ticket.priority_level} large />
        <span className="score">Score {formatNumber(ticket.priority_score)}</span>
        <Link to={`/tickets/${ticket.id}`}>Open ticket #{ticket.id}</Link>
      </p>
      <Breakdown breakdown={ticket.breakdown} score={ticket.priority_score} />
    </section>
  );
}

type Field = keyof TicketDraft;

/** New ticket: the draft survives a reload or a forced sign-in (sessionStorage). */
export default function NewTicketPage() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [draft, setDraft, clearDraft] = useDraft<TicketDraft>('new-ticket', EMPTY_DRAFT);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const create = useCreateTicket();
  const [created, setCreated] = useState<CreatedTicket>();
  const form = useRef<HTMLFormElement>(null);
  // A reporter of an organisation files at its tier: the API sets it, the form only shows it.
  const { user } = useSession();
  const tierOf = user?.role === 'reporter' ? user.organization : null;

  useEffect(() => {
    if (create.error) setFields(problemFrom(create.error).fields);
  }, [create.error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const { ticket, fields: local } = toNewTicket(draft, tierOf?.customer_type);
    setFields(local);
    if (!ticket) {
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    create.mutate(ticket, {
      onSuccess: (result) => {
        setCreated(result);
        clearDraft();
      },
    });
  }

  const bind = (name: Field) => ({
    id: `ticket-${name}`,
    name,
    value: draft[name],
    'aria-invalid': fields[name] ? true : undefined,
    'aria-describedby': `ticket-${name}-error`,
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <section className="view" aria-labelledby="new-heading">
      <h1 id="new-heading" tabIndex={-1} ref={heading}>
        New ticket
      </h1>
      <div className="two-columns">
        <div>
          <ErrorMessage problem={create.error ? problemFrom(create.error) : undefined} />
          <form ref={form} className="card stack" noValidate onSubmit={submit}>
            <div className="field">
              <label htmlFor="ticket-issue_type">Issue type</label>
              <select {...bind('issue_type')}>
                <option value="critical">critical</option>
                <option value="major">major</option>
                <option value="minor">minor</option>
              </select>
              <FieldError id="ticket-issue_type-error" messages={fields.issue_type} />
              <IssueTypeSuggestion
                title={draft.title}
                description={draft.description}
                chosen={draft.issue_type}
                onAccept={(issue_type) => setDraft((current) => ({ ...current, issue_type }))}
              />
            </div>
            <div className="field">
              <label htmlFor="ticket-impact">Affected users</label>
              <input
                {...bind('impact')}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                required
              />
              <FieldError id="ticket-impact-error" messages={fields.impact} />
            </div>
            <div className="field">
              <label htmlFor="ticket-customer_type">Customer type</label>
              {tierOf ? (
                <>
                  <output id="ticket-customer_type" aria-describedby="ticket-customer_type-note">
                    {tierOf.customer_type}
                  </output>
                  <span id="ticket-customer_type-note" className="hint">
                    Set by your organisation, {tierOf.name}.
                  </span>
                </>
              ) : (
                <select {...bind('customer_type')}>
                  <option value="enterprise">enterprise</option>
                  <option value="paid">paid</option>
                  <option value="free">free</option>
                </select>
              )}
              <FieldError id="ticket-customer_type-error" messages={fields.customer_type} />
            </div>
            <div className="field">
              <label htmlFor="ticket-title">Title</label>
              <input {...bind('title')} type="text" maxLength={200} />
              <FieldError id="ticket-title-error" messages={fields.title} />
            </div>
            <div className="field">
              <label htmlFor="ticket-description">Description</label>
              <textarea {...bind('description')} rows={5} maxLength={10_000} />
              <FieldError id="ticket-description-error" messages={fields.description} />
            </div>
            <button type="submit" className="button primary" disabled={create.isPending}>
              Create ticket
            </button>
          </form>
        </div>
        <div>{created && <Result ticket={created} />}</div>
      </div>
    </section>
  );
}
