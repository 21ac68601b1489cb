import { useState, type FormEvent, type ReactNode } from 'react';

import { problemFrom, type Problem } from '../../api/problem';
import { useFocusOnMount } from '../../shared/focus';
import { ErrorMessage, FieldError } from '../../shared/messages';

export interface Credentials {
  username: string;
  password: string;
}

interface Props {
  id: string;
  submitLabel: string;
  passwordAutocomplete: 'current-password' | 'new-password';
  hints?: { username?: ReactNode; password?: ReactNode };
  /** Client-side checks; messages by field, empty when all is well. */
  validate?: (credentials: Credentials) => Record<string, string[]>;
  onSubmit: (credentials: Credentials) => Promise<void>;
  notice?: ReactNode;
}

/** Username and password with field errors, a form alert and a busy state. */
export function CredentialsForm(props: Props) {
  const { id, submitLabel, passwordAutocomplete, hints, validate, onSubmit, notice } = props;
  const [problem, setProblem] = useState<Problem>();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const username = useFocusOnMount<HTMLInputElement>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const credentials = { username: field('username'), password: field('password') };
    const local = validate?.(credentials) ?? {};
    if (!credentials.username) local.username = ['Enter your username.'];
    if (!credentials.password) local.password = ['Enter your password.'];
    setFields(local);
    setProblem(undefined);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(credentials);
    } catch (error) {
      const found = problemFrom(error);
      setProblem(found);
      setFields(found.fields);
      setBusy(false);
    }
  }

  const describedBy = (field: 'username' | 'password') =>
    [hints?.[field] ? `${id}-${field}-hint` : '', `${id}-${field}-error`].join(' ').trim();

  return (
    <>
      {notice}
      <ErrorMessage problem={problem} />
      <form className="card stack" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${id}-username`}>Username</label>
          <input
            id={`${id}-username`}
            ref={username}
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            aria-invalid={fields.username ? true : undefined}
            aria-describedby={describedBy('username')}
          />
          {hints?.username && (
            <p id={`${id}-username-hint`} className="hint">
              {hints.username}
            </p>
          )}
          <FieldError id={`${id}-username-error`} messages={fields.username} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete={passwordAutocomplete}
            required
            aria-invalid={fields.password ? true : undefined}
            aria-describedby={describedBy('password')}
          />
          {hints?.password && (
            <p id={`${id}-password-hint`} className="hint">
              {hints.password}
            </p>
          )}
          <FieldError id={`${id}-password-error`} messages={fields.password} />
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}
