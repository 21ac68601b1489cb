import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';

import { Clock } from '../common/clock';

/**
 * Work that becomes due at an instant stored on its rows (a re-score, an SLA check, an
 * auto-assignment, a webhook delivery). A job finds due rows through an index and claims each one
 * with a conditional update (or `SELECT … FOR UPDATE SKIP LOCKED`), so with several instances
 * every item is done once. The runner only decides when a job runs; the job owns its query.
 */
export interface DueJob {
  /** Short, stable name used in logs. */
  readonly name: string;
  /** Does what is due at `now`; returns how many items this call handled. */
  runDue(now: Date): Promise<number>;
}

interface ScheduledJob {
  job: DueJob;
  intervalMs: number;
  timer?: NodeJS.Timeout;
  running?: Promise<number>;
}

/**
 * The one scheduler of due work: every registered job runs every `intervalMs` (0 = only on
 * demand), one pass at a time per job, and stops with the app after its current pass.
 */
@Injectable()
export class DueWorkRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DueWorkRunner.name);
  private readonly jobs = new Map<string, ScheduledJob>();
  private started = false;

  constructor(private readonly clock: Clock) {}

  register(job: DueJob, intervalMs: number): void {
    if (this.jobs.has(job.name)) throw new Error(`Due job "${job.name}" is registered twice`);
    const scheduled: ScheduledJob = { job, intervalMs };
    this.jobs.set(job.name, scheduled);
    if (this.started) this.schedule(scheduled);
  }

  onApplicationBootstrap(): void {
    this.started = true;
    for (const scheduled of this.jobs.values()) this.schedule(scheduled);
  }

  async onApplicationShutdown(): Promise<void> {
    this.started = false;
    for (const scheduled of this.jobs.values()) clearInterval(scheduled.timer);
    const passes = [...this.jobs.values()].flatMap((s) => (s.running ? [s.running] : []));
    await Promise.allSettled(passes);
  }

  /**
   * Runs one pass of `name` now (after the pass in progress, if any); resolves with the number
   * of items handled. Tests and event handlers use it instead of waiting for the timer.
   */
  runNow(name: string): Promise<number> {
    const scheduled = this.jobs.get(name);
    if (!scheduled) return Promise.reject(new Error(`No due job named "${name}"`));
    const previous = scheduled.running?.catch(() => 0) ?? Promise.resolve(0);
    return this.track(
      scheduled,
      previous.then(() => this.pass(scheduled)),
    );
  }

  /** Asks for a pass soon without waiting for it (e.g. after a change that made work due). */
  nudge(name: string): void {
    const scheduled = this.jobs.get(name);
    if (scheduled && !scheduled.running) {
      void this.track(scheduled, this.pass(scheduled)).catch(() => 0);
    }
  }

  private schedule(scheduled: ScheduledJob): void {
    if (scheduled.intervalMs <= 0) return;
    scheduled.timer = setInterval(() => {
      if (!scheduled.running) void this.track(scheduled, this.pass(scheduled)).catch(() => 0);
    }, scheduled.intervalMs);
    // The timer alone never keeps the process alive.
    scheduled.timer.unref();
  }

  private pass(scheduled: ScheduledJob): Promise<number> {
    return scheduled.job.runDue(this.clock.now()).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`Due job "${scheduled.job.name}" failed: ${reason}`);
      throw error;
    });
  }

  /** Remembers `pass` as the job's tail until it settles, so passes of one job never overlap. */
  private track(scheduled: ScheduledJob, pass: Promise<number>): Promise<number> {
    const running = pass.finally(() => {
      if (scheduled.running === running) scheduled.running = undefined;
    });
    scheduled.running = running;
    return running;
  }
}
