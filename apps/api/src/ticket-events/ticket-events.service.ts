import type { PriorityLevel, PriorityWeights } from '@app/priority';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { User } from '../users/user.entity';

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

/** What a reporter is shown for someone else who changed their ticket. */
export function staffLabel(role: string | undefined): string {
  return role === 'admin' ? 'Admin' : 'Support agent';
}

/** Appends to and reads ticket histories; writes join the caller's transaction. */
@Injectable()
export class TicketEventsService {
  constructor(
    @InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

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

  /**
   * The history as `viewer` may see it. Agents and admins see who did what; a reporter sees
   * their own name, `system`, and for staff only the role ("Support agent" or "Admin"), so
   * the names of the people working the queue do not reach customers.
   */
  async listFor(ticketId: number, viewer: AuthUser): Promise<TicketEventDto[]> {
    const rows = await this.events.find({ where: { ticketId }, order: { id: 'ASC' } });
    const events = rows.map(TicketEventDto.from);
    if (viewer.role !== 'reporter') return events;
    const others = new Set(events.map((e) => e.actor_id).filter((id) => id && id !== viewer.id));
    if (others.size === 0) return events;
    const staff = await this.users.find({
      select: { id: true, role: true },
      where: { id: In([...others]) },
    });
    const roleOf = new Map(staff.map((user) => [user.id, user.role]));
    return events.map((event) =>
      event.actor_id === null || event.actor_id === viewer.id
        ? event
        : { ...event, actor: staffLabel(roleOf.get(event.actor_id)), actor_id: null },
    );
  }
}
