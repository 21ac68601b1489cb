import type { AuthUser } from '../auth/auth-user';
import type { TicketEventType } from '../ticket-events/ticket-event.entity';

export const STREAM_EVENT_TYPES = [
  'ticket.created',
  'ticket.updated',
  'ticket.level_raised',
  'ticket.commented',
  'sla.warning',
  'sla.breached',
] as const;
export type StreamEventType = (typeof STREAM_EVENT_TYPES)[number];

/**
 * What the stream calls each history entry: one entry, one stream event, with the entry's id.
 * Every change of status, assignee or level that has no event of its own is `ticket.updated`.
 */
const STREAM_TYPE: Record<TicketEventType, StreamEventType> = {
  created: 'ticket.created',
  level_raised: 'ticket.level_raised',
  commented: 'ticket.commented',
  sla_warning: 'sla.warning',
  sla_breached: 'sla.breached',
  status_changed: 'ticket.updated',
  assigned: 'ticket.updated',
  claimed: 'ticket.updated',
  retriaged: 'ticket.updated',
  priority_overridden: 'ticket.updated',
  override_cleared: 'ticket.updated',
  policy_rescored: 'ticket.updated',
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
