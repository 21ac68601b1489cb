import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs work in a database transaction. better-sqlite3 has one connection per process, so two
 * transactions started together would nest ("cannot start a transaction within a
 * transaction"); they are queued instead. SQLite admits one writer at a time anyway, so the
 * queue costs no throughput. MySQL transactions each take their own pooled connection.
 */
@Injectable()
export class Transactions {
  private readonly serialize: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialize) return this.dataSource.transaction(work);
    return this.queued(work);
  }

  /**
   * For short transactions that lock rows other instances race for (claim-next,
   * auto-assignment): READ COMMITTED on MySQL, so range scans take no gap locks, and a
   * deadlock (which InnoDB resolves by rolling one side back) is retried a few times.
   */
  async runContended<T>(work: (manager: EntityManager) => Promise<T>, attempts = 5): Promise<T> {
    if (this.serialize) return this.queued(work);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', work);
      } catch (error) {
        if (attempt >= attempts || !isDeadlock(error)) throw error;
      }
    }
  }

  private queued<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}

function isDeadlock(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  return driverError?.code === 'ER_LOCK_DEADLOCK';
}
