import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const WEB_INDEX = join(ROOT, 'dist/web/index.html');
const SOURCES = ['apps/web', 'package-lock.json'];
const LOCK = join(tmpdir(), `tps-web-build-${Buffer.from(ROOT).toString('hex').slice(-16)}.lock`);

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    stat.mtimeMs,
  );
}

const isFresh = () =>
  existsSync(WEB_INDEX) &&
  SOURCES.every((source) => newestMtime(join(ROOT, source)) <= statSync(WEB_INDEX).mtimeMs);

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * `vite build` of the console into dist/web when it is missing or older than apps/web, so
 * `npm test` from a fresh clone serves the current console. Parallel suites take turns.
 */
export function ensureWebBuilt(): void {
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 120_000) rmSync(LOCK, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    if (isFresh()) return;
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    execFileSync(process.execPath, [vite, 'build', '--config', 'apps/web/vite.config.mts'], {
      cwd: ROOT,
      stdio: 'pipe',
      // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
