import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { load } from 'js-yaml';

import { envSchema } from '../../apps/api/src/config/env.schema';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../helpers/databases';
import { Http } from '../helpers/http';
import {
  ensureBuilt,
  MAIN_JS,
  PRODUCTION_ENV,
  ROOT,
  spawnBuiltApp,
  START_COMMAND,
} from './helpers/built-app';

const run = promisify(execFile);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Dockerfile instructions, continuation lines joined. */
function instructions(dockerfile: string): Array<{ op: string; args: string }> {
  return dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [op, ...rest] = line.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

describe('deployment files', () => {
  const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

  beforeAll(() => ensureBuilt(), 180_000);

  it('should build, prune and start in the image exactly as the tests here do', () => {
    const steps = instructions(read('Dockerfile'));
    const from = steps.filter((s) => s.op === 'FROM').map((s) => s.args);
    expect(from.length).toBeGreaterThanOrEqual(2);
    for (const base of from) expect(base).toMatch(/^node:24(-[a-z]+)?-slim\b/);
    const runs = steps.filter((s) => s.op === 'RUN').map((s) => s.args);
    expect(runs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^npm ci\b/),
        'npm run build',
        expect.stringMatching(/^npm prune --omit=dev\b/),
      ]),
    );
    // The image's build step builds the API and the console (dist/web, served at /).
    expect(packageJson.scripts.build).toBe(
      'nest build && vite build --config apps/web/vite.config.mts',
    );
    expect(existsSync(join(ROOT, 'dist/web/index.html'))).toBe(true);
    const cmd = steps.filter((s) => s.op === 'CMD').pop()!;
    // The image starts node exactly as `npm run start:prod` (and these tests) do, flags included.
    expect(START_COMMAND[0]).toBe('node');
    expect(START_COMMAND.at(-1)).toBe(MAIN_JS);
    expect(JSON.parse(cmd.args)).toEqual(START_COMMAND);
    expect(existsSync(join(ROOT, MAIN_JS))).toBe(true);
    expect(steps.find((s) => s.op === 'USER')?.args).toBe('node');
    expect(steps.find((s) => s.op === 'EXPOSE')?.args).toBe('3000');
    const healthcheck = steps.find((s) => s.op === 'HEALTHCHECK')!.args;
    expect(healthcheck).toMatch(/CMD \["node", "-e", ".*fetch\(.*\/health\/live/);
  });

  it('should keep secrets and build output out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(
      expect.arrayContaining(['node_modules', 'dist', '.git', '.env', '.env.*', '!.env.example']),
    );
  });

  it('should deploy on Railway with the Dockerfile, migrations before deploy and readiness', () => {
    const railway = JSON.parse(read('railway.json'));
    expect(railway.build.builder).toBe('DOCKERFILE');
    expect(railway.deploy.preDeployCommand).toEqual(['npm run migration:run']);
    expect(packageJson.scripts['migration:run']).toContain(
      'dist/apps/api/apps/api/src/database/data-source.js',
    );
    expect(existsSync(join(ROOT, 'dist/apps/api/apps/api/src/database/data-source.js'))).toBe(true);
    expect(railway.deploy.healthcheckPath).toBe('/health/ready');
    expect(railway.deploy.restartPolicyType).toBe('ON_FAILURE');
    expect(railway.deploy.startCommand).toBeUndefined(); // the image's CMD: node as PID 1
  });

  it('should wire compose: MySQL 8.4 healthy over TCP, one-shot migrations, then the API', () => {
    const compose = load(read('docker-compose.yml')) as { services: Record<string, any> };
    const { db, migrate, api } = compose.services;
    expect(db.image).toBe('mysql:8.4');
    // The migration user is not root: creating triggers with binary logging on needs this.
    expect(db.command).toEqual(['--log-bin-trust-function-creators=1']);
    expect(db.healthcheck.test.join(' ')).toMatch(/mysqladmin ping -h 127\.0\.0\.1 --protocol=tcp/);
    expect(db.volumes).toEqual(['dbdata:/var/lib/mysql']);
    expect(migrate.command).toEqual(['npm', 'run', 'migration:run']);
    expect(migrate.depends_on.db.condition).toBe('service_healthy');
    expect(api.init).toBe(true);
    expect(api.depends_on).toEqual({
      db: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
    expect(api.environment.DATABASE_URL).toBe(migrate.environment.DATABASE_URL);
  });

  it('should document every environment variable in .env.example', () => {
    const documented = new Set(
      read('.env.example')
        .split('\n')
        .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
        .filter(Boolean),
    );
    const missing = Object.keys(envSchema.shape).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });
});

describe.each(databaseKinds())('npm run migration:run, then node main.js (%s)', (kind) => {
  let env: Record<string, string>;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    await ensureBuilt();
    ({ env, cleanUp } = await freshDatabase(kind));
  }, 180_000);

  afterAll(() => cleanUp());

  it('should migrate a fresh database with compiled JS and start on it without migrating', async () => {
    // Rejects on a non-zero exit.
    await run('npm', ['run', 'migration:run'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...PRODUCTION_ENV, ...env },
    });
    const app = await spawnBuiltApp({ ...PRODUCTION_ENV, ...env, DB_MIGRATIONS_RUN: 'false' });
    try {
      await app.waitUntilReady();
      const http = new Http(app.baseUrl);
      const token = await http.signUp('deployed');
      const created = await http.post(
        '/tickets',
        { issue_type: 'minor', impact: 1, customer_type: 'free' },
        { token, headers: { 'idempotency-key': 'first-deploy' } },
      );
      expect(created.status).toBe(201); // every table, the idempotency keys too, is in place
    } finally {
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    }
  }, 60_000);
});

async function freshDatabase(kind: DatabaseKind) {
  if (kind === 'mysql') {
    const database = await createTestDatabase('mysql');
    return { env: database.env, cleanUp: () => database.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tps-migrate-'));
  return {
    env: { SQLITE_PATH: join(dir, 'tickets.sqlite') },
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
