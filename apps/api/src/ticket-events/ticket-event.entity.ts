import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const TICKET_EVENT_TYPES = [
  'created',
  'level_raised',
  'status_changed',
  'assigned',
  'claimed',
  'retriaged',
  'commented',
  'priority_overridden',
  'override_cleared',
  'sla_warning',
  'sla_breached',
  'policy_rescored',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/** The actor name recorded for changes the service makes on its own, such as aging. */
export const SYSTEM_ACTOR = 'system';

/** One entry of a ticket's history; append-only. */
@Entity({ name: 'ticket_events' })
@Index('IDX_ticket_events_ticket', ['ticketId', 'id'])
export class TicketEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'ticket_id', type: 'integer' })
  ticketId: number;

  @Column({ type: 'varchar', length: 32 })
  type: TicketEventType;

  /** The user who caused it; null for the system. */
  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId: number | null;

  /** Username at the time, or `system`. */
  @Column({ type: 'varchar', length: 64 })
  actor: string;

  /** Hidden from reporters: assignment, overrides, internal notes (see isInternalEvent). */
  @Column({ type: 'boolean', default: false })
  internal: boolean;

  /** Type-specific details, as JSON. */
  @Column({ type: 'text' })
  data: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
