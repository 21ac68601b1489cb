import { useState, type FormEvent } from 'react';

import type { Problem } from '../../api/problem';
import { ErrorMessage, FieldError } from '../../shared/messages';

/** Asks why (10–500 characters) before a policy is put in force. */
export function ReasonForm(props: {
  id: string;
  confirm: string;
  pending: boolean;
  problem?: Problem;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(reason);
  };
  const errorId = `${props.id}-error`;
  return (
    <form className="reason-form" onSubmit={submit} aria-label={props.confirm}>
      <label htmlFor={props.id}>Reason (10–500 characters)</label>
      <textarea
        id={props.id}
        required
        maxLength={500}
        value={reason}
        aria-describedby={errorId}
        onChange={(e) => setReason(e.target.value)}
      />
      <FieldError id={errorId} messages={props.problem?.fields.reason} />
      <button type="submit" className="button" disabled={props.pending}>
        {props.confirm}
      </button>
      <button type="button" className="button secondary" onClick={props.onCancel}>
        Cancel
      </button>
      {props.problem && <ErrorMessage problem={props.problem} />}
    </form>
  );
}
