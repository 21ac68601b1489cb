import { ensureBuilt, freePort, spawnBuiltApp } from './helpers/built-app';

/** A valid production environment; each case breaks one variable. */
const VALID: Record<string, string> = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-that-is-long-enough-1234',
  SQLITE_PATH: 'data/tickets.sqlite',
  METRICS_TOKEN: 'a-metrics-token-for-tests',
};

const CASES: Array<[string, Record<string, string>, RegExp]> = [
  ['PORT', { PORT: 'eighty' }, /^Configuration error: PORT: /m],
  ['PORT out of range', { PORT: '70000' }, /^Configuration error: PORT: /m],
  ['NODE_ENV', { NODE_ENV: 'staging' }, /^Configuration error: NODE_ENV: /m],
  ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, /^Configuration error: LOG_LEVEL: /m],
  [
    'DATABASE_URL',
    { DATABASE_URL: 'postgres://x@y/z' },
    /^Configuration error: DATABASE_URL: must be a mysql:/m,
  ],
  ['MYSQL_URL', { MYSQL_URL: 'nope' }, /^Configuration error: MYSQL_URL: /m],
  ['MYSQLPORT', { MYSQLHOST: 'db', MYSQLPORT: 'x' }, /^Configuration error: MYSQLPORT: /m],
  ['DB_POOL_SIZE', { DB_POOL_SIZE: '0' }, /^Configuration error: DB_POOL_SIZE: /m],
  [
    'DB_MIGRATIONS_RUN',
    { DB_MIGRATIONS_RUN: 'maybe' },
    /^Configuration error: DB_MIGRATIONS_RUN: must be true or false/m,
  ],
  [
    'JWT_SECRET too short',
    { JWT_SECRET: 'short' },
    /^Configuration error: JWT_SECRET: must be set to at least 32 bytes/m,
  ],
  ['JWT_EXPIRES_IN', { JWT_EXPIRES_IN: 'soon' }, /^Configuration error: JWT_EXPIRES_IN: /m],
  ['BCRYPT_COST', { BCRYPT_COST: '99' }, /^Configuration error: BCRYPT_COST: /m],
  [
    'PRIORITY_WEIGHTS_FILE',
    { PRIORITY_WEIGHTS_FILE: '/nonexistent.json' },
    /^Configuration error: PRIORITY_WEIGHTS_FILE: cannot read/m,
  ],
  [
    'SHUTDOWN_GRACE_MS',
    { SHUTDOWN_GRACE_MS: '-1' },
    /^Configuration error: SHUTDOWN_GRACE_MS: must be at least 100 ms/m,
  ],
  [
    'REQUEST_TIMEOUT_MS',
    { REQUEST_TIMEOUT_MS: 'ten' },
    /^Configuration error: REQUEST_TIMEOUT_MS: must be a number/m,
  ],
  [
    'DB_QUERY_TIMEOUT_MS',
    { DB_QUERY_TIMEOUT_MS: '1.5' },
    /^Configuration error: DB_QUERY_TIMEOUT_MS: must be a whole number/m,
  ],
  [
    'DB_CONNECT_TIMEOUT_MS',
    { DB_CONNECT_TIMEOUT_MS: '0' },
    /^Configuration error: DB_CONNECT_TIMEOUT_MS: /m,
  ],
  [
    'DB_ACQUIRE_TIMEOUT_MS',
    { DB_ACQUIRE_TIMEOUT_MS: '999999999' },
    /^Configuration error: DB_ACQUIRE_TIMEOUT_MS: must be at most/m,
  ],
  [
    'DB_STARTUP_TIMEOUT_MS',
    { DB_STARTUP_TIMEOUT_MS: 'x' },
    /^Configuration error: DB_STARTUP_TIMEOUT_MS: /m,
  ],
  [
    'METRICS_TOKEN',
    { METRICS_TOKEN: 'short' },
    /^Configuration error: METRICS_TOKEN: must be at least 16 characters/m,
  ],
];

async function startWith(env: Record<string, string>) {
  const app = await spawnBuiltApp({ ...VALID, ...env });
  const code = await app.exited;
  return { code, stderr: app.stderr(), stdout: app.stdout() };
}

jest.setTimeout(30_000);

describe('configuration validated at start (built app)', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it.each(CASES)('should refuse to start with a bad %s', async (_name, env, message) => {
    const { code, stderr } = await startWith(env);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });

  it('should refuse to start in production with /metrics neither protected nor declared public', async () => {
    const { code, stderr } = await startWith({ METRICS_TOKEN: '' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Configuration error: METRICS_TOKEN: must be set in production/m);
  });

  it('should list every problem at once, one line each', async () => {
    const { code, stderr } = await startWith({ PORT: 'x', LOG_LEVEL: 'y', BCRYPT_COST: '1' });
    expect(code).toBe(1);
    const lines = stderr.split('\n').filter((line) => line.startsWith('Configuration error:'));
    expect(lines.map((line) => line.split(':')[1].trim()).sort()).toEqual([
      'BCRYPT_COST',
      'LOG_LEVEL',
      'PORT',
    ]);
  });

  it('should exit non-zero with a clear message when the database never answers', async () => {
    const closedPort = await freePort();
    const started = Date.now();
    const { code, stderr } = await startWith({
      DATABASE_URL: `mysql://u:p@127.0.0.1:${closedPort}/db`,
      DB_STARTUP_TIMEOUT_MS: '1500',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /The service could not start: the database was unreachable for 2 s \(\d+ attempts, last error: .*ECONNREFUSED.*\); giving up/,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
