import {
  BadRequestException,
  createParamDecorator,
  type ArgumentMetadata,
  type ExecutionContext,
  type PipeTransform,
} from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import type { FastifyRequest } from 'fastify';

/** The largest id a MySQL `INT` (and so every id column here) holds. */
export const MAX_ID = 2_147_483_647;
const CANONICAL_ID = /^[1-9][0-9]{0,9}$/;
const CANONICAL_INT = /^(0|-?[1-9][0-9]{0,15})$/;

/**
 * `text` as an integer if it is written the one canonical decimal way (`12`, not `012`,
 * `+12`, `12.0`, `1.2e1`, `0xc` or ` 12`) and is a safe integer; `undefined` otherwise.
 */
export function parseCanonicalInt(text: string): number | undefined {
  if (!CANONICAL_INT.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** A path id: canonical decimal, 1 to MAX_ID; anything else is a 400 (never a lookup). */
export class ParseIdPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    const text = typeof value === 'string' ? value : '';
    if (CANONICAL_ID.test(text) && Number(text) <= MAX_ID) return Number(text);
    throw new BadRequestException(
      `${metadata.data ?? 'id'} must be a whole number from 1 to ${MAX_ID}, written in plain decimal digits.`,
    );
  }
}

/** Documents the path parameter on the handler, as `@Param` would have. */
const documentId =
  (name: string): ParameterDecorator =>
  (target, key) => {
    if (!key) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
    ApiParam({ name, schema: { type: 'integer', minimum: 1, maximum: MAX_ID } })(
      target,
      key,
      descriptor,
    );
  };

/**
 * The path id `name`, read raw and parsed by `ParseIdPipe`. `@Param('id', ParseIntPipe)` is
 * lenient: the global validation pipe first turns `1.0`, `+1`, `0x1` or `1e0` into 1.
 */
export const IdParam = (name = 'id') =>
  createParamDecorator(
    (param: string, context: ExecutionContext) =>
      context.switchToHttp().getRequest<FastifyRequest<{ Params: Record<string, string> }>>()
        .params[param],
    [documentId(name)],
  )(name, ParseIdPipe);

/**
 * For integer query fields (instead of `@Type(() => Number)`, which reads `0x10` as 16 and
 * `1e3` as 1000): a canonical decimal string becomes its number; anything else stays a string,
 * so the field's `@IsInt()` refuses it with a 400.
 */
export const CanonicalInt = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (parseCanonicalInt(value) ?? value) : value,
  );
