/** What the console shows of an RFC 9457 problem: the status, a sentence, field messages. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  /** Messages by request field, for forms. */
  fields: Record<string, string[]>;
  /** Seconds to wait before asking again (`Retry-After` of a 429 or 503). */
  retryAfterSeconds?: number;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

function fieldsOf(errors: unknown): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  if (!Array.isArray(errors)) return fields;
  for (const entry of errors as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, messages } = entry as { field?: unknown; messages?: unknown };
    if (typeof field !== 'string' || !Array.isArray(messages)) continue;
    fields[field] = messages.filter((message): message is string => typeof message === 'string');
  }
  return fields;
}

/**
 * Reads a problem body defensively: the document's `ProblemDetails` schema may lag the filter,
 * and a proxy in front of the API can answer with HTML, so every field is checked.
 */
export function problemOf(status: number, body: unknown, retryAfter?: string | null): Problem {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const title = text(record.title) ?? (status === 0 ? 'Network error' : `Error ${status}`);
  const detail =
    text(record.detail) ??
    (status === 0
      ? 'The service could not be reached. Check your connection and try again.'
      : title);
  const wait = Number(retryAfter);
  return {
    status,
    title,
    detail,
    fields: fieldsOf(record.errors),
    ...(retryAfter && Number.isFinite(wait) && wait >= 0 && { retryAfterSeconds: wait }),
  };
}

/** Thrown by the query and mutation functions so components get one error type. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The problem behind any error: an ApiError's, or a network failure's. */
export function problemFrom(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return problemOf(0, undefined);
}
