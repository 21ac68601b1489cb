import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
/** `npm run start:prod` word for word (the image's CMD is the same): node, its flags, main.js. */
const START = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts['start:prod'].split(/\s+/);
const MAIN = join(ROOT, START.at(-1)!);
/** The heap limits production runs with (docs/operations.md). */
export const PRODUCTION_NODE_FLAGS = START.slice(1, -1);

/** The built app in a child process, as production runs it, with its resident memory sampled. */
export class AppProcess {
  readonly baseUrl: string;
  private readonly child: ChildProcess;
  private readonly sampler: NodeJS.Timeout;
  /** When the process was started (wall clock, ms): the origin of its CPU profile. */
  readonly startedAt = Date.now();
  private maxRssBytes = 0;
  private windowBytes = 0;

  constructor(
    port: number,
    dbEnv: Record<string, string>,
    bcryptCost: number,
    /** Extra flags for node, e.g. `--cpu-prof` (bench/profile.ts). */
    nodeFlags: string[] = [],
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, ...nodeFlags, MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        JWT_SECRET: randomBytes(48).toString('base64'),
        BCRYPT_COST: String(bcryptCost),
        RATE_LIMIT_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        // The bench never scrapes; production refuses to start without a metrics token or this.
        METRICS_PUBLIC: 'true',
        // One webhook is subscribed (bench/scenarios.ts): its rows are written, never sent.
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_RELAY_INTERVAL_MS: '0',
        ...dbEnv,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.sampler = setInterval(() => this.sampleRss(), 200);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get maxRssMb(): number {
    return this.maxRssBytes / 1024 / 1024;
  }

  /** CPU time (user + system) the app has used so far, from /proc (Linux, 100 ticks a second). */
  cpuMs(): number {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return 0;
    }
  }

  /** Highest RSS seen so far, then starts a new window (to tell which phase peaked). */
  takeWindowMb(): number {
    const peak = this.windowBytes / 1024 / 1024;
    this.windowBytes = 0;
    return peak;
  }

  /** Resolves with the seconds from the spawn to the first healthy answer. */
  async ready(timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error('the app exited during start-up');
      try {
        if ((await fetch(`${this.baseUrl}/health`)).ok) return (Date.now() - this.startedAt) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the app did not become healthy in time');
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  private sampleRss() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      this.maxRssBytes = Math.max(this.maxRssBytes, kb * 1024);
      this.windowBytes = Math.max(this.windowBytes, kb * 1024);
    } catch {
      // the process has gone
    }
  }
}
