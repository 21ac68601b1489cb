import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';

import { MetricsRegistry } from './metrics.registry';

interface PoolSnapshot {
  in_use: number;
  idle: number;
  waiting: number;
  max: number;
}

interface Mysql2Pool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

/**
 * mysql2 exposes its pool only through these (stable, long-lived) internals. SQLite has one
 * connection and no queue: it is reported as one idle connection.
 */
function snapshot(dataSource: DataSource): PoolSnapshot {
  if (!dataSource.isInitialized) return { in_use: 0, idle: 0, waiting: 0, max: 0 };
  const pool = (dataSource.driver as unknown as { pool?: Mysql2Pool }).pool;
  if (!pool) return { in_use: 0, idle: 1, waiting: 0, max: 1 };
  const all = pool._allConnections?.length ?? 0;
  const idle = pool._freeConnections?.length ?? 0;
  return {
    in_use: all - idle,
    idle,
    waiting: pool._connectionQueue?.length ?? 0,
    max: pool.config?.connectionLimit ?? 0,
  };
}

@Injectable()
export class DatabasePoolMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const dataSource = this.dataSource;
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database connections by state: in_use, idle, waiting (requests queued for one), max',
      labelNames: ['state'] as const,
      registers: [this.metrics.registry],
      collect() {
        for (const [state, value] of Object.entries(snapshot(dataSource))) {
          this.set({ state }, value);
        }
      },
    });
  }
}
