import { BadRequestException } from '@nestjs/common';

import type { TicketSort } from './dto/list-tickets.query';

/** The position after the last ticket of a page: its sort key and id. */
export interface CursorPosition {
  sort: TicketSort;
  /** queue_key for the priority order; created_at in ms for the time orders. */
  key: number;
  id: number;
}

const INVALID = 'The cursor is not valid; start again without one.';

/** Opaque to clients: base64url JSON, checked field by field when it comes back. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.key, position.id])).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string, sort: TicketSort): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadRequestException(INVALID);
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new BadRequestException(INVALID);
  const [cursorSort, key, id] = parsed as unknown[];
  if (!Number.isSafeInteger(key) || !Number.isSafeInteger(id) || (id as number) < 0) {
    throw new BadRequestException(INVALID);
  }
  if (cursorSort !== sort) {
    throw new BadRequestException('The cursor belongs to another sort order.');
  }
  return { sort, key: key as number, id: id as number };
}
