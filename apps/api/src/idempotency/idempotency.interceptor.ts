import {
  BadRequestException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, map, type Observable } from 'rxjs';

import type { AuthUser } from '../auth/auth-user';
import { IdempotencyStore } from './idempotency.store';
import { requestFingerprint, sha256 } from './request-fingerprint';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

/** Honours `Idempotency-Key` on the route it decorates; see `@Idempotent()`. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: AuthUser }>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (key === undefined || !request.user) return next.handle();
    if (typeof key !== 'string' || !VALID_KEY.test(key)) {
      throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters.');
    }
    const idempotent = {
      userId: request.user.id,
      keyHash: sha256(key),
      requestHash: requestFingerprint(
        request.method,
        request.routeOptions?.url ?? request.url,
        request.body,
      ),
    };
    const reply = http.getResponse<FastifyReply>();
    return from(this.store.execute(idempotent, () => lastValueFrom(next.handle()))).pipe(
      map((outcome) => {
        if (outcome.replayed) void reply.header(REPLAYED_HEADER, 'true');
        return outcome.body;
      }),
    );
  }
}
