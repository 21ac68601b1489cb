import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * The route honours an `Idempotency-Key` header: a retry with the same key and body gets the
 * first response again (`Idempotent-Replayed: true`) instead of doing the work twice.
 */
export function Idempotent() {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Up to 255 visible ASCII characters, unique per intended operation (a UUID is ideal). ' +
        'Kept 24 h per user: the same key and body replays the first response with ' +
        '`Idempotent-Replayed: true`; the same key with another body is 422; while the first ' +
        'request is still running, 409.',
    }),
    ApiProblems(409, 422),
  );
}
