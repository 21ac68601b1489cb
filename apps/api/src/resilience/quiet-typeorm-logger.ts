import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's default logger prints slow queries with their parameters (password hashes,
 * tokens). Query failures already reach the problem-details filter, so only migrations and
 * TypeORM's own warnings are logged here, never SQL or parameters.
 */
export class QuietTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {}
  logQueryError(): void {}
  logQuerySlow(time: number): void {
    this.logger.warn(`a query ran for ${time} ms`);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}
