import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');
const perMinute = z.coerce.number().int().min(1).max(1_000_000);

/** Environment variables of the security feature; spread into the main env schema. */
export const SECURITY_ENV = {
  ADMIN_USERNAME: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  ALLOW_REGISTRATION: flag.default(true),
  REFRESH_TOKEN_TTL: z
    .string()
    .regex(/^\d+[smhd]?$/, 'must be seconds or a number with s, m, h or d (e.g. 30d)')
    .default('30d'),
  RATE_LIMIT_ENABLED: flag.default(true),
  RATE_LIMIT_AUTH_PER_MIN: perMinute.default(5),
  RATE_LIMIT_API_PER_MIN: perMinute.default(300),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL')
    .optional(),
  REDIS_KEY_PREFIX: z.string().max(64).default('tps:'),
  TRUST_PROXY: z
    .string()
    .regex(/^(false|true|\d{1,2})$/, 'must be false, or the number of proxy hops (e.g. 1)')
    .default('false'),
  CLIENT_IP_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name such as X-Real-IP')
    .optional(),
  CORS_ORIGINS: z.string().optional(),
};
