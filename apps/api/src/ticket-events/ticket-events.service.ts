import type { PriorityLevel, PriorityWeights } from '@app/priority';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { User } from '../users/user.entity';

import type { TicketStatus } from '../tickets/ticket.entity';
import { insertedId, sqlDateTime } from '../tickets/ticket-rows';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { CommittedEvents } from './committed-events';
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

/** A policy version re-scored an active ticket into another level in force. */
export interface PolicyRescoredData {
  from: PriorityLevel;
  to: PriorityLevel;
  version: number;
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

/** sla_warning / sla_breached: `due_at` is null for a paused target that had not come due. */
export interface SlaEventData {
  metric: 'first_response' | 'resolution';
  level: PriorityLevel;
  due_at: string | null;
}

export type EventData =
  | CreatedEventData
  | LevelRaisedData
  | PolicyRescoredData
  | StatusChangedData
  | AssignedData
  | ClaimedData
  | RetriagedData
  | CommentedData
  | PriorityOverriddenData
  | OverrideClearedData
  | SlaEventData;

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
    private readonly outbox: WebhookOutbox,
    private readonly committed: CommittedEvents,
  ) {}

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
   * of ticket_events: every change records its history here, in the change's own transaction;
   * listeners of `CommittedEvents` (the live stream) hear of them after the commit.
   */
  async record(manager: EntityManager, events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows = events.map(TicketEventsService.toRow);
    const values: unknown[] = [];
    for (const event of rows) {
      values.push(event.ticketId, event.type, event.actorId, event.actor, event.internal ? 1 : 0);
      values.push(event.data, sqlDateTime(event.createdAt));
    }
    const raw: unknown = await manager.query(
      'INSERT INTO ticket_events (ticket_id, type, actor_id, actor, internal, data, created_at) ' +
        `VALUES ${events.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      values,
    );
    const first = firstInsertedId(manager, raw, events.length);
    // The webhook outbox rows of these events commit or roll back with them.
    await this.outbox.enqueue(
      manager,
      events.map((event, i) => ({
        id: first + i,
        type: event.type,
        at: event.at,
        imported: (event.data as { imported?: true }).imported === true,
      })),
    );
    this.committed.stage(
      manager,
      rows.map((row, index) => ({
        id: first + index,
        ticketId: row.ticketId,
        type: row.type,
        internal: row.internal,
        at: row.createdAt,
        data: events[index].data as unknown as Record<string, unknown>,
      })),
    );
  }

  /**
   * The history as `viewer` may see it. Agents and admins see who did what; a reporter sees
   * their own name, `system`, and for staff only the role ("Support agent" or "Admin"), so
   * the names of the people working the queue do not reach customers. Oldest first.
   */
  async listFor(ticketId: number, viewer: AuthUser): Promise<TicketEventDto[]> {
    // Reporters never see internal entries (assignment, overrides, internal notes).
    const where = viewer.role === 'reporter' ? { ticketId, internal: false } : { ticketId };
    const rows = await this.events.find({ where, order: { id: 'ASC' } });
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

/**
 * The id of the first row of a multi-row INSERT. One statement's auto-increment ids are
 * consecutive on both databases (InnoDB assigns a "simple insert" its whole range at once;
 * SQLite has one writer): mysql2 reports the first, better-sqlite3 the last.
 */
function firstInsertedId(manager: EntityManager, raw: unknown, count: number): number {
  const id = insertedId(raw);
  return manager.connection.options.type === 'mysql' ? id : id - count + 1;
}
