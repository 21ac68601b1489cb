import {
  Injectable,
  ServiceUnavailableException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { throwError, timeout, type Observable } from 'rxjs';

import type { AppConfig } from '../config';
import { RETRY_AFTER_SECONDS } from './database-faults';

/**
 * A backstop: whatever a handler waits for, the caller gets an answer within the budget.
 * The database timeouts normally fire first; this catches anything they miss.
 */
@Injectable()
export class RequestTimeoutInterceptor implements NestInterceptor {
  private readonly budgetMs: number;

  constructor(config: ConfigService<AppConfig, true>) {
    this.budgetMs = config.get('ops', { infer: true }).requestTimeoutMs;
  }

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      timeout({
        first: this.budgetMs,
        with: () =>
          throwError(() => {
            const error = new ServiceUnavailableException(
              'The request took too long; retry shortly.',
            );
            Object.assign(error, { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } });
            return error;
          }),
      }),
    );
  }
}
