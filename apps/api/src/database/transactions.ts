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
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}
