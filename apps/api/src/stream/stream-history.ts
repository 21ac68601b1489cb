import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import type { TicketEventType } from '../ticket-events/ticket-event.entity';
import { sqlDateTime } from '../tickets/ticket-rows';
import type { StreamItem } from './stream-events';

/** How far back a reconnect can replay. */
export const REPLAY_WINDOW_MS = 24 * 3_600_000;
const REPLAY_BATCH = 500;

interface EventRow {
  id: number | string;
  ticket_id: number | string;
  type: TicketEventType;
  internal: number | boolean | string;
  data: string;
  created_at: Date | string;
  created_by: number | string;
}

/** SQLite answers datetimes as text (UTC, `YYYY-MM-DD HH:MM:SS.mmm`), mysql2 as Dates. */
function isoOf(value: Date | string): string {
  return value instanceof Date
    ? value.toISOString()
    : new Date(`${value.replace(' ', 'T')}Z`).toISOString();
}

function toItem(row: EventRow): StreamItem {
  return {
    id: Number(row.id),
    ticketId: Number(row.ticket_id),
    type: row.type,
    internal: row.internal === true || Number(row.internal) === 1,
    createdBy: Number(row.created_by),
    at: isoOf(row.created_at),
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

/** Reads the stored history for the stream: who filed a ticket, and what a reconnect missed. */
@Injectable()
export class StreamHistory {
  constructor(private readonly dataSource: DataSource) {}

  async creatorsOf(ticketIds: number[]): Promise<Map<number, number>> {
    const unique = [...new Set(ticketIds)];
    const rows: Array<{ id: number | string; created_by: number | string }> =
      await this.dataSource.query(
        `SELECT id, created_by FROM tickets WHERE id IN (${unique.map(() => '?').join(', ')})`,
        unique,
      );
    return new Map(rows.map((row) => [Number(row.id), Number(row.created_by)]));
  }

  /**
   * The next batch after `afterId` that `viewer` may see, oldest first, no older than `since`:
   * the primary key range, with the reporter's filter on the joined ticket.
   */
  async after(viewer: AuthUser, afterId: number, since: Date): Promise<StreamItem[]> {
    const reporter = viewer.role === 'reporter';
    const rows: EventRow[] = await this.dataSource.query(
      'SELECT e.id, e.ticket_id, e.type, e.internal, e.data, e.created_at, t.created_by ' +
        'FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id ' +
        'WHERE e.id > ? AND e.created_at >= ?' +
        (reporter ? ' AND t.created_by = ? AND e.internal = 0' : '') +
        ` ORDER BY e.id LIMIT ${REPLAY_BATCH}`,
      reporter ? [afterId, sqlDateTime(since), viewer.id] : [afterId, sqlDateTime(since)],
    );
    return rows.map(toItem);
  }

  get batchSize(): number {
    return REPLAY_BATCH;
  }
}
