import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

type RawEnv = Record<string, string | undefined>;

/**
 * The process environment, plus a `.env` file outside production. Real environment variables
 * win over the file, so an operator's setting is never silently replaced.
 */
export function loadEnv(env: RawEnv = process.env, envFile = '.env'): RawEnv {
  if (env.NODE_ENV === 'production' || !existsSync(envFile)) return env;
  return { ...parseEnv(readFileSync(envFile, 'utf8')), ...env };
}
