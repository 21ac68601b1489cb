import type { Problem } from '../api/problem';

/** A form's or a page's message: an alert, so screen readers hear it at once. */
export function ErrorMessage({ problem }: { problem?: Problem | string }) {
  const text = typeof problem === 'string' ? problem : problem?.detail;
  return (
    <div className="message" role="alert">
      {text}
    </div>
  );
}

/** Field messages sit under their field and are linked with aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return (
    <p id={id} className="field-error">
      {messages?.join(' ')}
    </p>
  );
}
