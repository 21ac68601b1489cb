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

export interface NewEvent {
  ticketId: number;
  type: TicketEventType;
  actor: EventActor;
  at: Date;
  data: CreatedEventData | LevelRaisedData | StatusChangedData;
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
      data: JSON.stringify(event.data),
      createdAt: event.at,
    };
  }

  /** Records `events` in the transaction of `manager`, in one multi-row INSERT. */
  async record(manager: EntityManager, events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    const values: unknown[] = [];
    for (const event of events.map(TicketEventsService.toRow)) {
      values.push(event.ticketId, event.type, event.actorId, event.actor, event.data);
      values.push(sqlDateTime(event.createdAt));
    }
    await manager.query(
      `INSERT INTO ticket_events (ticket_id, type, actor_id, actor, data, created_at) VALUES ${events
        .map(() => '(?, ?, ?, ?, ?, ?)')
        .join(', ')}`,
      values,
    );
  }

  async listFor(ticketId: number): Promise<TicketEventDto[]> {
    const rows = await this.events.find({ where: { ticketId }, order: { id: 'ASC' } });
    return rows.map(TicketEventDto.from);
  }
}
