import { canonicalUsername, passwordProblem, USERNAME_PATTERN } from '../security/password-policy';
import type { SecurityConfig } from './config.types';

interface SecurityEnv {
  ADMIN_USERNAME?: string;
  ADMIN_PASSWORD?: string;
  ALLOW_REGISTRATION: boolean;
  RATE_LIMIT_ENABLED: boolean;
  RATE_LIMIT_AUTH_PER_MIN: number;
  RATE_LIMIT_API_PER_MIN: number;
  REDIS_URL?: string;
  REDIS_KEY_PREFIX: string;
  TRUST_PROXY: string;
  CLIENT_IP_HEADER?: string;
  CORS_ORIGINS?: string;
}

function corsOrigins(value: string | undefined, problems: string[]): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    // An exact origin only: a wildcard would let any site read the API with the user's token.
    if (!/^https?:\/\/[^/*\s]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS: ${origin} is not an origin like https://app.example.com`);
    }
  }
  return origins;
}

function proxyHops(value: string, problems: string[]): number {
  if (value === 'false') return 0;
  if (value === 'true') {
    // "Trust every hop" lets any client pick its own address: refuse it.
    problems.push('TRUST_PROXY: give the number of proxy hops (e.g. 1), not true');
    return 0;
  }
  return Number(value);
}

function adminAccount(env: SecurityEnv, problems: string[]): SecurityConfig['admin'] {
  const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = env;
  if (!username && !password) return undefined;
  if (!username || !password) {
    problems.push('ADMIN_USERNAME and ADMIN_PASSWORD must be set together');
    return undefined;
  }
  const canonical = canonicalUsername(username);
  if (!USERNAME_PATTERN.test(canonical)) {
    problems.push('ADMIN_USERNAME: must be 3 to 64 characters of a-z, 0-9, _, . or -');
  }
  const problem = passwordProblem(password);
  if (problem) problems.push(`ADMIN_PASSWORD: ${problem}`);
  return { username: canonical, password };
}

export function securityConfig(
  env: SecurityEnv,
  refreshTokenTtlSeconds: number,
  problems: string[],
): SecurityConfig {
  return {
    admin: adminAccount(env, problems),
    allowRegistration: env.ALLOW_REGISTRATION,
    refreshTokenTtlSeconds,
    rateLimit: {
      enabled: env.RATE_LIMIT_ENABLED,
      authPerMinute: env.RATE_LIMIT_AUTH_PER_MIN,
      apiPerMinute: env.RATE_LIMIT_API_PER_MIN,
    },
    redis: env.REDIS_URL ? { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX } : undefined,
    clientIp: {
      trustedProxyHops: proxyHops(env.TRUST_PROXY, problems),
      header: env.CLIENT_IP_HEADER?.toLowerCase(),
    },
    corsOrigins: corsOrigins(env.CORS_ORIGINS, problems),
  };
}
