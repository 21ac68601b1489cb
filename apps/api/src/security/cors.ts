import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { CSRF_HEADER } from '../auth/refresh-cookie';

/** The throttler's headers: its own on a 429, and one set per named limit (rate-limit.options). */
const RATE_LIMIT_HEADERS = ['', '-api', '-auth-ip', '-auth-user'].flatMap((suffix) => [
  `X-RateLimit-Limit${suffix}`,
  `X-RateLimit-Remaining${suffix}`,
  `X-RateLimit-Reset${suffix}`,
]);

/**
 * CORS stays off (same-origin console) unless origins are listed; then only those exact origins
 * are echoed, without credentials: cross-origin clients use bearer tokens and send the refresh
 * token in the body, never the cookie (which is SameSite=Strict and scoped to /auth anyway).
 * Browser clients may send `Idempotency-Key` to retry safely and read whether an answer was a
 * replay, which limit they are close to, and when to retry.
 */
export function applyCors(app: NestFastifyApplication, origins: string[]): void {
  if (origins.length === 0) return;
  app.enableCors({
    origin: origins,
    credentials: false,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'X-Request-Id',
      'Idempotency-Key',
      CSRF_HEADER,
    ],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Idempotent-Replayed', ...RATE_LIMIT_HEADERS],
    maxAge: 600,
  });
}
