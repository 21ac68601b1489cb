import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';

import { DrainState } from '../lifecycle/drain-state';
import { MetricsRegistry } from './metrics.registry';

/** A scrape every 15 s from each Prometheus must not turn into a GROUP BY every 15 s each. */
const ACTIVE_COUNT_TTL_MS = 10_000;
const READY_PING_TIMEOUT_MS = 1_500;
const ACTIVE_STATUSES = ['open', 'in_progress', 'pending'];

interface ActiveRow {
  level: string;
  status: string;
  n: number | string;
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

/** Gauges read from the database at scrape time: the live queue and this instance's readiness. */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  private cached: { at: number; rows: ActiveRow[] } | undefined;

  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly dataSource: DataSource,
    private readonly drain: DrainState,
  ) {}

  onModuleInit(): void {
    const activeRows = () => this.activeRows();
    new Gauge({
      name: 'tickets_active',
      help: 'Active tickets (open, in progress, pending) by level in force and status',
      labelNames: ['level', 'status'] as const,
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        for (const row of await activeRows()) {
          this.set({ level: row.level, status: row.status }, Number(row.n));
        }
      },
    });
    const ready = () => this.ready();
    new Gauge({
      name: 'app_ready',
      help: '1 when this instance is ready to serve (database answers, not draining), else 0',
      registers: [this.metrics.registry],
      async collect() {
        this.set((await ready()) ? 1 : 0);
      },
    });
  }

  private async activeRows(): Promise<ActiveRow[]> {
    if (this.cached && Date.now() - this.cached.at < ACTIVE_COUNT_TTL_MS) return this.cached.rows;
    if (!this.dataSource.isInitialized) return [];
    const rows: ActiveRow[] = await this.dataSource.query(
      `SELECT priority_level AS level, status, COUNT(*) AS n FROM tickets
        WHERE status IN (${ACTIVE_STATUSES.map(() => '?').join(', ')})
        GROUP BY priority_level, status`,
      ACTIVE_STATUSES,
    );
    this.cached = { at: Date.now(), rows };
    return rows;
  }

  private async ready(): Promise<boolean> {
    if (this.drain.draining || !this.dataSource.isInitialized) return false;
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), READY_PING_TIMEOUT_MS);
      return true;
    } catch {
      return false;
    }
  }
}
