import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_WEIGHTS } from '@app/priority';

import { buildConfig, ConfigError, parseDuration } from './configuration';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    buildConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

const STRONG_SECRET = 'a'.repeat(32);

describe('buildConfig', () => {
  it('should run on the embedded SQLite file with shipped defaults', () => {
    const config = buildConfig({});
    expect(config.database).toMatchObject({
      type: 'sqlite',
      path: 'data/tickets.sqlite',
      migrationsRun: true,
    });
    expect(config.http).toMatchObject({ env: 'development', port: 3000, logLevel: 'info' });
    expect(config.auth).toMatchObject({
      jwtExpiresInSeconds: 900,
      bcryptCost: 12,
      jwtSecretGenerated: true,
    });
    expect(config.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.priority).toEqual({ weights: DEFAULT_WEIGHTS, source: 'defaults' });
  });

  it.each<[string, Record<string, string>, string]>([
    ['DATABASE_URL', { DATABASE_URL: 'mysql://u:p@db:3307/app' }, 'mysql://u:p@db:3307/app'],
    [
      'MYSQL_URL (Railway)',
      { MYSQL_URL: 'mysql://root:pw@mysql.railway.internal:3306/railway' },
      'mysql://root:pw@mysql.railway.internal:3306/railway',
    ],
    [
      'the original DB_* keys',
      { DB_HOST: 'db', DB_USER: 'app', DB_PASSWORD: 'p@ss', DB_NAME: 'tickets' },
      'mysql://app:p%40ss@db:3306/tickets',
    ],
    [
      'Railway MYSQL* parts',
      { MYSQLHOST: 'h', MYSQLPORT: '3310', MYSQLUSER: 'u', MYSQLPASSWORD: 'p', MYSQLDATABASE: 'd' },
      'mysql://u:p@h:3310/d',
    ],
  ])('should use MySQL from %s', (_label, env, url) => {
    expect(buildConfig(env).database).toMatchObject({
      type: 'mysql',
      url,
      poolSize: 10,
      migrationsRun: true,
    });
  });

  it('should prefer DATABASE_URL over the other keys', () => {
    const config = buildConfig({
      DATABASE_URL: 'mysql://a:b@one/x',
      MYSQL_URL: 'mysql://a:b@two/x',
      DB_HOST: 'three',
    });
    expect(config.database).toMatchObject({ url: 'mysql://a:b@one/x' });
  });

  it('should read the pool size and the migration switch', () => {
    const config = buildConfig({
      DATABASE_URL: 'mysql://a:b@h/x',
      DB_POOL_SIZE: '25',
      DB_MIGRATIONS_RUN: 'false',
    });
    expect(config.database).toMatchObject({ poolSize: 25, migrationsRun: false });
  });

  it('should accept the original JWT_SECRET_KEY name', () => {
    expect(buildConfig({ JWT_SECRET_KEY: 'legacy-secret' }).auth).toMatchObject({
      jwtSecret: 'legacy-secret',
      jwtSecretGenerated: false,
    });
  });

  it('should treat empty values as unset', () => {
    expect(buildConfig({ PORT: '', DATABASE_URL: '' }).http.port).toBe(3000);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    [
      'production without a secret',
      { NODE_ENV: 'production', METRICS_PUBLIC: 'true' },
      /^JWT_SECRET: must be set to at least 32 bytes/,
    ],
    [
      'production with a short secret',
      { NODE_ENV: 'production', JWT_SECRET: 'short', METRICS_PUBLIC: 'true' },
      /^JWT_SECRET: must be set to at least 32 bytes/,
    ],
    ['a port out of range', { PORT: '70000' }, /^PORT: /],
    ['a port that is not a number', { PORT: 'http' }, /^PORT: /],
    [
      'a database URL of another kind',
      { DATABASE_URL: 'postgres://x' },
      /^DATABASE_URL: must be a mysql:\/\//,
    ],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
    ['a bcrypt cost below 4', { BCRYPT_COST: '3' }, /^BCRYPT_COST: /],
    ['an unreadable lifetime', { JWT_EXPIRES_IN: 'soon' }, /^JWT_EXPIRES_IN: must be seconds/],
    [
      'a migration switch that is not a boolean',
      { DB_MIGRATIONS_RUN: 'maybe' },
      /^DB_MIGRATIONS_RUN: must be true or false/,
    ],
    [
      'a missing weights file',
      { PRIORITY_WEIGHTS_FILE: '/nonexistent/weights.json' },
      /^PRIORITY_WEIGHTS_FILE: cannot read/,
    ],
  ])('should refuse %s with one clear line', (_label, env, line) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(line);
  });

  it('should start in production with a strong secret and a metrics token', () => {
    const env = {
      NODE_ENV: 'production',
      JWT_SECRET: STRONG_SECRET,
      METRICS_TOKEN: 'm'.repeat(16),
    };
    expect(buildConfig(env).auth.jwtSecret).toBe(STRONG_SECRET);
  });

  describe('/metrics exposure', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET };

    it('should refuse production with neither METRICS_TOKEN nor METRICS_PUBLIC', () => {
      expect(problemsOf(production)).toEqual([
        expect.stringMatching(/^METRICS_TOKEN: must be set in production.*METRICS_PUBLIC=true/),
      ]);
      expect(problemsOf({ ...production, METRICS_PUBLIC: 'false' })).toHaveLength(1);
    });

    it('should start in production when the exposure is declared public', () => {
      expect(problemsOf({ ...production, METRICS_PUBLIC: 'true' })).toEqual([]);
    });

    it('should keep /metrics open without a token outside production', () => {
      expect(problemsOf({ NODE_ENV: 'development' })).toEqual([]);
      expect(buildConfig({ NODE_ENV: 'test' }).ops.metricsToken).toBeUndefined();
    });
  });

  it('should report every problem at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', BCRYPT_COST: '99' })).toHaveLength(3);
  });

  it('should report a weak JWT_SECRET together with the malformed variables', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      METRICS_TOKEN: 'metrics-token-for-tests',
      JWT_SECRET: 'short',
      PORT: 'x',
      TRUST_PROXY: 'true',
      CORS_ORIGINS: '*',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^PORT: /),
      expect.stringMatching(/^JWT_SECRET: must be set to at least 32 bytes in production/),
      expect.stringMatching(/^TRUST_PROXY: /),
      expect.stringMatching(/^CORS_ORIGINS: /),
    ]);
  });

  describe('PRIORITY_WEIGHTS_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'weights-'));
    const write = (name: string, content: unknown) => {
      const file = join(dir, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    };

    it('should load valid weights from the file', () => {
      const weights = { ...DEFAULT_WEIGHTS, issueType: { critical: 8, major: 4, minor: 1 } };
      const file = write('good.json', weights);
      expect(buildConfig({ PRIORITY_WEIGHTS_FILE: file }).priority).toEqual({
        weights,
        source: file,
      });
    });

    it('should list each problem of invalid weights', () => {
      const file = write('bad.json', {
        ...DEFAULT_WEIGHTS,
        issueType: { critical: -1, major: 3, minor: 1 },
        levels: { P0: 1, P1: 2, P2: 3 },
      });
      const problems = problemsOf({ PRIORITY_WEIGHTS_FILE: file });
      expect(problems).toEqual([
        `PRIORITY_WEIGHTS_FILE ${file}: issueType.critical: must be a number ≥ 0`,
        `PRIORITY_WEIGHTS_FILE ${file}: levels.P0: must be greater than levels.P1`,
        `PRIORITY_WEIGHTS_FILE ${file}: levels.P1: must be greater than levels.P2`,
      ]);
    });

    it('should refuse a file that is not JSON', () => {
      expect(problemsOf({ PRIORITY_WEIGHTS_FILE: write('broken.json', '{ nope') })[0]).toMatch(
        /cannot read .* as JSON/,
      );
    });
  });
});

describe('parseDuration', () => {
  it.each([
    ['90', 90],
    ['45s', 45],
    ['15m', 900],
    ['2h', 7200],
    ['1d', 86_400],
  ])('should read %s as %d seconds', (value, seconds) => {
    expect(parseDuration(value)).toBe(seconds);
  });
});
