import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = resolve(__dirname, '../../..');
/** The start command of the image: `node` on the compiled main, never npm. */
export const MAIN_JS = 'dist/apps/api/apps/api/src/main.js';

/** What a production start needs; tests add their database and what they examine. */
export const PRODUCTION_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-that-is-long-enough-1234',
  BCRYPT_COST: '4',
  METRICS_PUBLIC: 'true',
};
/**
 * How production starts the app: `npm run start:prod`, word for word the image's CMD (the
 * deployment test checks both), heap limits included (docs/operations.md). These tests start it
 * the same way.
 */
export const START_COMMAND = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts['start:prod'].split(/\s+/);
/** The node flags of the start command (between `node` and the main file). */
export const NODE_FLAGS = START_COMMAND.slice(1, -1);
const SOURCES = ['apps', 'libs', 'migrations', 'package.json', 'nest-cli.json', 'tsconfig.json'];
const LOCK = join(
  tmpdir(),
  `tps-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}.lock`,
);

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    // vite build writes apps/web/node_modules/.vite-temp after nest build: not a source.
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function isBuildFresh(): boolean {
  const main = join(ROOT, MAIN_JS);
  if (!existsSync(main)) return false;
  const builtAt = statSync(main).mtimeMs;
  return SOURCES.every((source) => newestMtime(join(ROOT, source)) <= builtAt);
}

/**
 * `npm run build` when dist is missing or older than the sources, exactly as the image
 * builds it. Suites running in parallel take turns through a lock directory.
 */
export async function ensureBuilt(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 180_000) {
        rmSync(LOCK, { recursive: true, force: true });
      }
      await sleep(500);
    }
  }
  try {
    if (!isBuildFresh()) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

export interface BuiltApp {
  child: ChildProcess;
  baseUrl: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  waitUntilReady(timeoutMs?: number): Promise<void>;
  kill(): void;
}

/** Starts the app as `npm run start:prod` does, in an empty working directory with only `env`. */
export async function spawnBuiltApp(env: Record<string, string>): Promise<BuiltApp> {
  const port = await freePort();
  const cwd = mkdtempSync(join(tmpdir(), 'tps-built-'));
  const child = spawn(process.execPath, [...NODE_FLAGS, join(ROOT, MAIN_JS)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => {
      rmSync(cwd, { recursive: true, force: true });
      done(code ?? signal ?? 'unknown');
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    child,
    baseUrl,
    stdout: () => out,
    stderr: () => err,
    exited,
    kill: () => child.exitCode === null && child.kill('SIGKILL'),
    waitUntilReady: async (timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`app exited early:\n${err}\n${out}`);
        const status = await fetch(`${baseUrl}/health/ready`)
          .then((r) => r.status)
          .catch(() => 0);
        if (status === 200) return;
        await sleep(100);
      }
      throw new Error(`app not ready within ${timeoutMs} ms:\n${err}\n${out}`);
    },
  };
}
