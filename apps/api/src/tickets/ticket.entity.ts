import type { CustomerType, IssueType, PriorityLevel } from '@app/priority';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { User } from '../users/user.entity';

export const TICKET_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

@Entity({ name: 'tickets' })
@Index('IDX_tickets_queue_key', ['queueKey', 'id'])
@Index('IDX_tickets_status_queue', ['status', 'queueKey', 'id'])
@Index('IDX_tickets_level_queue', ['priorityLevel', 'queueKey', 'id'])
@Index('IDX_tickets_creator_queue', ['createdBy', 'queueKey', 'id'])
export class Ticket {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'issue_type', type: 'varchar', length: 16 })
  issueType: IssueType;

  @Column({ type: 'integer' })
  impact: number;

  @Column({ name: 'customer_type', type: 'varchar', length: 16 })
  customerType: CustomerType;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: TicketStatus;

  @Column({ name: 'priority_score', type: 'integer' })
  priorityScore: number;

  @Column({ name: 'priority_level', type: 'varchar', length: 2 })
  priorityLevel: PriorityLevel;

  /** The instant the stored score was computed for; the breakdown is derived for this instant. */
  @Column({ name: 'scored_at', type: 'datetime', precision: 3 })
  scoredAt: Date;

  @Column({ name: 'created_by', type: 'integer' })
  createdBy: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_tickets_created_by' })
  creator?: User;

  @Index('IDX_tickets_created_at')
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  /** queueKey(score, created_at): the queue order as one ascending integer (libs/priority/aging.ts). */
  @Column({ name: 'queue_key', type: 'bigint', default: 0, select: false })
  queueKey: number;

  /** When the age points next change; null once the ticket stops aging (last bucket, or done). */
  @Index('IDX_tickets_next_rescore_at')
  @Column({
    name: 'next_rescore_at',
    type: 'datetime',
    precision: 3,
    nullable: true,
    select: false,
  })
  nextRescoreAt: Date | null;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;
}
