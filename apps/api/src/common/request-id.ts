import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The request's id: the caller's `X-Request-Id` when it is safe to log, else a new UUID.
 * Cached on the raw request so Fastify, the logger and the error filter agree.
 */
export function requestIdOf(req: IncomingMessage & { requestId?: string }): string {
  if (req.requestId) return req.requestId;
  const offered = req.headers[REQUEST_ID_HEADER];
  req.requestId =
    typeof offered === 'string' && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
  return req.requestId;
}
