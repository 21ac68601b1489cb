import type { AfterQueryEvent, EntitySubscriberInterface } from 'typeorm';

interface PooledConnection {
  destroy(): void;
}

/**
 * mysql2 fails a query that exceeds its timeout but keeps the connection: the late answer
 * would then be read as the reply to the next query on it (a frozen database that comes back
 * answers everything it held). Destroying the connection removes it from the pool for good.
 */
export class DropTimedOutConnections implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent): void {
    if ((event.error as { code?: string } | undefined)?.code !== 'PROTOCOL_SEQUENCE_TIMEOUT') {
      return;
    }
    const runner = event.queryRunner as unknown as { databaseConnection?: PooledConnection };
    runner.databaseConnection?.destroy();
  }
}
