import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';

import type { SecurityConfig } from '../config';
import { clientIp } from './client-ip';
import { canonicalUsername, USERNAME_PATTERN } from './password-policy';
import { AUTH_RATE_LIMIT } from './rate-limit.decorators';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const MINUTE_MS = 60_000;
const REDIS_READY_TIMEOUT_MS = 3_000;

interface LimitedRequest {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  user?: { id: number };
}

const isAuthRoute = (context: ExecutionContext) =>
  Reflect.getMetadata(AUTH_RATE_LIMIT, context.getHandler()) === true;

/**
 * The account a sign-in request is about: the signed-in user, or the account the username
 * resolves to. Sign-in reads the name exactly as this does (canonical form, registration's
 * rule) and the column compares it byte for byte, so one key is one account. A name that
 * breaks the rule names no account (the request is a 400); it counts against the address.
 */
function accountOf(req: LimitedRequest): string | undefined {
  if (req.user) return `id:${req.user.id}`;
  const username = (req.body as { username?: unknown } | undefined)?.username;
  if (typeof username !== 'string') return undefined;
  const canonical = canonicalUsername(username);
  return USERNAME_PATTERN.test(canonical) ? `name:${canonical}` : undefined;
}

/**
 * Three named limits (a named `skipIf` replaces the common one, so each checks `enabled`), one minute each: sign-in routes per client address and per account
 * (so neither many addresses nor many accounts help a guesser), everything else per user.
 */
export async function rateLimitOptions(security: SecurityConfig): Promise<ThrottlerModuleOptions> {
  const storage = security.redis
    ? new RedisThrottlerStorage(security.redis.url, security.redis.keyPrefix)
    : undefined;
  await storage?.waitUntilReady(REDIS_READY_TIMEOUT_MS);
  const ipOf = (req: LimitedRequest) => `ip:${clientIp(req, security.clientIp)}`;
  const { authPerMinute, apiPerMinute, enabled } = security.rateLimit;
  return {
    storage,
    throttlers: [
      {
        name: 'auth-ip',
        ttl: MINUTE_MS,
        limit: authPerMinute,
        skipIf: (context) => !enabled || !isAuthRoute(context),
        getTracker: (req) => ipOf(req as LimitedRequest),
      },
      {
        name: 'auth-user',
        ttl: MINUTE_MS,
        limit: authPerMinute,
        skipIf: (context) => !enabled || !isAuthRoute(context),
        getTracker: (req) => accountOf(req as LimitedRequest) ?? ipOf(req as LimitedRequest),
      },
      {
        name: 'api',
        ttl: MINUTE_MS,
        limit: apiPerMinute,
        skipIf: (context) => !enabled || isAuthRoute(context),
        // One bucket per user across all routes (the default key is per route).
        generateKey: (_context, tracker, name) => `${name}:${tracker}`,
        getTracker: (req) => {
          const user = (req as LimitedRequest).user;
          return user ? `user:${user.id}` : ipOf(req as LimitedRequest);
        },
      },
    ],
  };
}
