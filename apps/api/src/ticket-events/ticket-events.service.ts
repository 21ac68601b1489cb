import type { PriorityLevel, PriorityWeights } from '@app/priority';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import type { TicketStatus } from '../tickets/ticket.entity';
import { sqlDateTime } from '../tickets/ticket-rows';
import { TicketEventDto } from './dto/ticket-event.dto';
import { SYSTEM_ACTOR, TicketEvent, type TicketEventType } from './ticket-event.entity';

/** Who caused an event; `null` is the system. */
export type EventActor = { id: number; username: string } | null;

export interface CreatedEventData {
  inputs: { issue_type: string; impact: number; customer_type: string; created_at: string };
  weights: PriorityWeights;
  score: number;
  level: PriorityLevel;
  imported?: true;
}

export interface LevelRaisedData {
  from: PriorityLevel;
  to: PriorityLevel;
  score_from: number;
  score_to: number;
}

export interface StatusChangedData {
  from: TicketStatus;
  to: TicketStatus;
}

/** `to` is null when the ticket was unassigned; the actor is the system for auto-assignment. */
export interface AssignedData {
  from: number | null;
  to: number | null;
}

/** claimed: the caller took the top of the queue (always followed by its `assigned` entry). */
export type ClaimedData = Record<string, never>;

export interface RetriagedData {
  changes: Partial<Record<'issue_type' | 'impact' | 'customer_type', [unknown, unknown]>>;
  score_from: number;
  score_to: number;
  level_from: PriorityLevel;
  level_to: PriorityLevel;
}

/** Never the body. */
export interface CommentedData {
  comment_id: number;
  internal: boolean;
}

export interface PriorityOverriddenData {
  from: PriorityLevel;
  to: PriorityLevel;
  reason: string;
}

/** `level` is the computed level now in force. */
export interface OverrideClearedData {
  level: PriorityLevel;
}

export type EventData =
  | CreatedEventData
  | LevelRaisedData
  | StatusChangedData
  | AssignedData
  | ClaimedData
  | RetriagedData
  | CommentedData
  | PriorityOverriddenData
  | OverrideClearedData;

export interface NewEvent {
  ticketId: number;
  type: TicketEventType;
  actor: EventActor;
  at: Date;
  data: EventData;
}

/** Event types reporters never see; a `commented` entry is internal when its note is. */
export const INTERNAL_EVENT_TYPES: ReadonlySet<TicketEventType> = new Set<TicketEventType>([
  'assigned',
  'claimed',
  'priority_overridden',
  'override_cleared',
]);

export function isInternalEvent(event: Pick<NewEvent, 'type' | 'data'>): boolean {
  if (INTERNAL_EVENT_TYPES.has(event.type)) return true;
  return event.type === 'commented' && (event.data as CommentedData).internal;
}

/** Appends to and reads ticket histories; writes join the caller's transaction. */
@Injectable()
export class TicketEventsService {
  constructor(@InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>) {}

  static toRow(event: NewEvent): Omit<TicketEvent, 'id'> {
    return {
      ticketId: event.ticketId,
      type: event.type,
      actorId: event.actor?.id ?? null,
      actor: event.actor?.username ?? SYSTEM_ACTOR,
      internal: isInternalEvent(event),
      data: JSON.stringify(event.data),
      createdAt: event.at,
    };
  }

  /**
   * Records `events` in the transaction of `manager`, in one multi-row INSERT. The only writer
   * of ticket_events: every change records its history here, in the change's own transaction.
   */
  async record(manager: EntityManager, events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    const values: unknown[] = [];
    for (const event of events.map(TicketEventsService.toRow)) {
      values.push(event.ticketId, event.type, event.actorId, event.actor, event.internal ? 1 : 0);
      values.push(event.data, sqlDateTime(event.createdAt));
    }
    await manager.query(
      'INSERT INTO ticket_events (ticket_id, type, actor_id, actor, internal, data, created_at) ' +
        `VALUES ${events.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      values,
    );
  }

  /** Oldest first; without `withInternal` (reporters), internal entries are left out. */
  async listFor(ticketId: number, withInternal = true): Promise<TicketEventDto[]> {
    const where = withInternal ? { ticketId } : { ticketId, internal: false };
    const rows = await this.events.find({ where, order: { id: 'ASC' } });
    return rows.map(TicketEventDto.from);
  }
}
