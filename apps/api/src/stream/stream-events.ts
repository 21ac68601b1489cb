import { WEBHOOK_EVENT_TYPES, WEBHOOK_TYPE_OF_EVENT, type WebhookEventType } from '@app/webhooks';

import type { AuthUser } from '../auth/auth-user';
import type { TicketEventType } from '../ticket-events/ticket-event.entity';

/** The stream and the webhooks speak the same event types (docs/webhooks.md). */
export const STREAM_EVENT_TYPES = WEBHOOK_EVENT_TYPES;
export type StreamEventType = WebhookEventType;

/**
 * What the stream calls each history entry: one entry, one stream event, with the entry's id.
 * The webhooks' table, with one difference: a webhook skips `claimed` (its `assigned` entry
 * carries the change, and a delivery costs the receiver a request), while the stream sends
 * every history entry as it is, `claimed` as `ticket.updated`.
 */
const STREAM_TYPE: Record<TicketEventType, StreamEventType> = {
  ...WEBHOOK_TYPE_OF_EVENT,
  claimed: 'ticket.updated',
};

/** A committed history entry with what visibility needs: the bus carries these. */
export interface StreamItem {
  id: number;
  ticketId: number;
  type: TicketEventType;
  internal: boolean;
  /** The reporter who filed the ticket. */
  createdBy: number;
  at: string;
  data: Record<string, unknown>;
}

/** The `data:` line of one stream event. */
export interface StreamMessage {
  type: StreamEventType;
  ticket_id: number;
  at: string;
  event_id: number;
  /** The history entry's own type (status_changed, assigned, …). */
  event: TicketEventType;
  details: Record<string, unknown>;
}

/** Staff see every ticket's events; a reporter only their own tickets', never internal ones. */
export function visibleTo(item: StreamItem, viewer: Pick<AuthUser, 'id' | 'role'>): boolean {
  if (viewer.role !== 'reporter') return true;
  return item.createdBy === viewer.id && !item.internal;
}

export function toMessage(item: StreamItem): StreamMessage {
  return {
    type: STREAM_TYPE[item.type],
    ticket_id: item.ticketId,
    at: item.at,
    event_id: item.id,
    event: item.type,
    details: item.data,
  };
}

/** One server-sent event: the id line lets a reconnect say where it stopped. */
export function formatEvent(item: StreamItem): string {
  return `id: ${item.id}\ndata: ${JSON.stringify(toMessage(item))}\n\n`;
}
