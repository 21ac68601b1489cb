import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/*
 * Field decorators for response DTOs. The Swagger CLI plugin infers much from TypeScript types, but
 * only with a type checker (nest build), not under ts-jest: declaring the true type here keeps the
 * document the same everywhere, and says `integer` where TypeScript only knows `number`.
 */

/** A whole number (ids, counts, points). */
export const ApiInteger = (options: ApiPropertyOptions = {}) =>
  ApiProperty({ type: 'integer', ...options });

/** An ISO 8601 UTC instant with milliseconds. */
export const ApiTimestamp = (options: ApiPropertyOptions = {}) =>
  ApiProperty({
    type: 'string',
    format: 'date-time',
    example: '2026-01-01T12:00:00.000Z',
    ...options,
  });

/** One of a fixed list of strings. */
export const ApiEnum = (values: readonly string[], options: ApiPropertyOptions = {}) =>
  ApiProperty({ type: 'string', enum: [...values], ...options });
