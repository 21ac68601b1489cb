import type { CustomerType, IssueType, PriorityLevel } from '@app/priority';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { User } from '../users/user.entity';

export const TICKET_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

@Entity({ name: 'tickets' })
@Index('IDX_tickets_queue', ['status', 'priorityScore', 'createdAt', 'id'])
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

  @Index('IDX_tickets_priority_score')
  @Column({ name: 'priority_score', type: 'integer' })
  priorityScore: number;

  @Index('IDX_tickets_priority_level')
  @Column({ name: 'priority_level', type: 'varchar', length: 2 })
  priorityLevel: PriorityLevel;

  /** The instant the stored score was computed for; the breakdown is derived for this instant. */
  @Column({ name: 'scored_at', type: 'datetime', precision: 3 })
  scoredAt: Date;

  @Index('IDX_tickets_created_by')
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
}
