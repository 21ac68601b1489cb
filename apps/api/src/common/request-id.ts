import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._-]{1,64}$/;

type RawRequest = IncomingMessage & { requestId?: string };

/**
 * The request's id: always one this service generated (a UUID), so a client can neither
 * choose nor collide with the id the logs and error bodies carry. Cached on the raw request
 * so Fastify, the logger and the error filter agree.
 */
export function requestIdOf(req: RawRequest): string {
  req.requestId ??= randomUUID();
  return req.requestId;
}

/**
 * The caller's own `X-Request-Id`, when it is safe to log (1-64 of `A-Z a-z 0-9 . _ -`):
 * logged as `client_request_id` beside ours, never used as ours.
 */
export function clientRequestIdOf(req: IncomingMessage): string | undefined {
  const offered = req.headers[REQUEST_ID_HEADER];
  return typeof offered === 'string' && ACCEPTABLE_ID.test(offered) ? offered : undefined;
}
