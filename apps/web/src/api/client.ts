import createClient from 'openapi-fetch';

import { ApiError, problemOf } from './problem';
import type { paths } from './schema';

/**
 * Sent on every call. The API accepts the refresh-token cookie on `/auth/refresh` and
 * `/auth/logout` only with this header: a cross-site form or image cannot set it (CSRF).
 */
export const CONSOLE_HEADER = { 'X-Requested-With': 'tps-console' } as const;

/** How the session plugs into the client without the client knowing the session. */
export interface AuthHooks {
  /** The current access token, if any. */
  accessToken(): string | undefined;
  /** Renews the access token once (shared by every caller and tab); false when it cannot. */
  renew(): Promise<boolean>;
  /** The session could not be renewed: send the user to sign in. */
  expired(): void;
}

let hooks: AuthHooks = {
  accessToken: () => undefined,
  renew: () => Promise.resolve(false),
  expired: () => undefined,
};

export function setAuthHooks(next: AuthHooks): void {
  hooks = next;
}

/** Calls that carry credentials of their own: never retried after a refresh. */
const CREDENTIAL_PATHS = ['/auth/login', '/auth/register', '/auth/refresh'];

function withToken(request: Request): Request {
  const token = hooks.accessToken();
  if (token && !request.headers.has('Authorization')) {
    request.headers.set('Authorization', `Bearer ${token}`);
  }
  return request;
}

/**
 * Adds the bearer token; on a 401 renews the session once and repeats the call once, then
 * gives up and reports the session expired. `globalThis.fetch` is read on each call so tests
 * can stub it.
 */
async function authedFetch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (CREDENTIAL_PATHS.includes(path)) return globalThis.fetch(request);
  const retry = request.clone();
  const response = await globalThis.fetch(withToken(request));
  if (response.status !== 401) return response;
  if (!(await hooks.renew())) {
    hooks.expired();
    return response;
  }
  retry.headers.delete('Authorization');
  return globalThis.fetch(withToken(retry));
}

/**
 * For the one answer openapi-fetch cannot read as it arrives (the event stream of GET /stream):
 * the same bearer token, renewal and console header as every other call.
 */
export function sessionFetch(path: '/stream', init: RequestInit = {}): Promise<Response> {
  const request = new Request(`${globalThis.location?.origin ?? ''}${path}`, init);
  for (const [name, value] of Object.entries(CONSOLE_HEADER)) request.headers.set(name, value);
  return authedFetch(request);
}

/** The one typed client: every URL of the console is built here, from the document's paths. */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  headers: CONSOLE_HEADER,
  fetch: authedFetch,
});

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a call, or an ApiError with the problem the API answered. */
export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await call;
  } catch {
    throw new ApiError(problemOf(0, undefined));
  }
  if (outcome.response.ok) return outcome.data as T;
  const { status, headers } = outcome.response;
  throw new ApiError(problemOf(status, outcome.error, headers.get('Retry-After')));
}
