import type { CustomerType, IssueType, PriorityLevel } from '@app/priority';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';

export const TICKET_STATUSES = ['open', 'in_progress', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Done work; every other status is live work that the queue lists and agents hold. */
export const DONE_STATUSES: readonly TicketStatus[] = ['resolved', 'closed'];
/** The live statuses (`open`, `in_progress`, and any waiting state added later). */
export const ACTIVE_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter(
  (status) => !DONE_STATUSES.includes(status),
);

@Entity({ name: 'tickets' })
@Index('IDX_tickets_queue_key', ['queueKey', 'id'])
@Index('IDX_tickets_status_queue', ['status', 'queueKey', 'id'])
@Index('IDX_tickets_level_queue', ['priorityLevel', 'queueKey', 'id'])
@Index('IDX_tickets_creator_queue', ['createdBy', 'queueKey', 'id'])
@Index('IDX_tickets_assignee_queue', ['assigneeId', 'status', 'queueKey', 'id'])
@Index('IDX_tickets_org_queue', ['organizationId', 'status', 'queueKey', 'id'])
@Index('IDX_tickets_sla_due', ['slaDueKey', 'id'])
@Index('IDX_tickets_status_sla_due', ['status', 'slaDueKey', 'id'])
@Index('IDX_tickets_status_policy', ['status', 'policyVersion', 'id'])
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

  /** The level in force: the override's while one is set, else the one the weights give. */
  @Column({ name: 'priority_level', type: 'varchar', length: 2 })
  priorityLevel: PriorityLevel;

  /** The policy version whose weights computed the stored score (and derive its breakdown). */
  @Column({ name: 'policy_version', type: 'integer', default: 1 })
  policyVersion: number;

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

  /** queueKey(level in force, score, created_at): the queue order as one integer (libs/priority). */
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

  /** The level in force when the ticket was created; reports group by it. */
  @Column({ name: 'created_level', type: 'varchar', length: 2, nullable: true, select: false })
  createdLevel?: PriorityLevel | null;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  /** The agent or admin working it; kept after resolving or closing, for the record. */
  /** The reporter's organisation when the ticket was filed; null for everyone else. */
  @Column({ name: 'organization_id', type: 'integer', nullable: true })
  organizationId: number | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_tickets_organization' })
  organization?: Organization | null;

  @Column({ name: 'assignee_id', type: 'integer', nullable: true })
  assigneeId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'FK_tickets_assignee' })
  assignee?: User | null;

  @Column({ name: 'assigned_at', type: 'datetime', precision: 3, nullable: true })
  assignedAt: Date | null;

  /** The first public comment by an agent or admin; set once. */
  @Column({ name: 'first_response_at', type: 'datetime', precision: 3, nullable: true })
  firstResponseAt: Date | null;

  /** A pinned level (with its reason, author and instant); null when none is set. */
  @Column({ name: 'priority_override_level', type: 'varchar', length: 2, nullable: true })
  priorityOverrideLevel: PriorityLevel | null;

  @Column({ name: 'priority_override_reason', type: 'varchar', length: 500, nullable: true })
  priorityOverrideReason: string | null;

  @Index('IDX_tickets_override_by')
  @Column({ name: 'priority_override_by', type: 'integer', nullable: true })
  priorityOverrideBy: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'priority_override_by', foreignKeyConstraintName: 'FK_tickets_override_by' })
  overrideAuthor?: User | null;

  @Column({ name: 'priority_override_at', type: 'datetime', precision: 3, nullable: true })
  priorityOverrideAt: Date | null;

  // SLA (docs/sla.md): facts the clocks need, events recorded, and what the queue filters on.

  /** The first time it was resolved; a reopening keeps it (the resolution target was met then). */
  @Column({ name: 'first_resolved_at', type: 'datetime', precision: 3, nullable: true })
  firstResolvedAt: Date | null;

  /** Pending periods as JSON `[[from_ms, to_ms | null], …]`; null when never pending. */
  @Column({ name: 'sla_pauses', type: 'text', nullable: true })
  slaPauses: string | null;

  /** Bit set of the warnings and breaches recorded (libs/sla slaEventBit). */
  @Column({ name: 'sla_flags', type: 'integer', default: 0 })
  slaFlags: number;

  /** Earliest due instant (ms) of an unmet running target; FAR_FUTURE when none (sorts last). */
  @Column({
    name: 'sla_due_key',
    type: 'bigint',
    default: 8_640_000_000_000_000,
    transformer: { to: (v: number) => v, from: Number },
  })
  slaDueKey: number;

  /** Breached at any instant after this one; null when no target is (or will be) breached. */
  @Column({ name: 'sla_breach_at', type: 'datetime', precision: 3, nullable: true })
  slaBreachAt: Date | null;

  /** At risk from this instant (an unmet target's warning) until `sla_risk_until`. */
  @Column({ name: 'sla_risk_from', type: 'datetime', precision: 3, nullable: true })
  slaRiskFrom: Date | null;

  @Index('IDX_tickets_sla_risk')
  @Column({ name: 'sla_risk_until', type: 'datetime', precision: 3, nullable: true })
  slaRiskUntil: Date | null;

  /** When the SLA job must look at this ticket next (a warning or breach falls due). */
  @Index('IDX_tickets_sla_next_check')
  @Column({ name: 'sla_next_check_at', type: 'datetime', precision: 3, nullable: true })
  slaNextCheckAt: Date | null;
}
