import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { User } from '../users/user.entity';

/**
 * One version of the priority policy: the weights and the SLA policy together. Append-only: the
 * newest version is the one in force, and bringing an old one back writes a new version. The
 * re-score that an activation starts keeps its progress here.
 */
@Entity({ name: 'policy_versions' })
export class PolicyVersion {
  @PrimaryColumn({ type: 'integer' })
  version: number;

  /** `PriorityWeights` as JSON. */
  @Column({ type: 'text' })
  weights: string;

  /** `SlaPolicy` as JSON. */
  @Column({ type: 'text' })
  sla: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  /** The earlier version this one brought back, if it did. */
  @Column({ name: 'based_on', type: 'integer', nullable: true })
  basedOn: number | null;

  /** The admin who saved it; null for version 1, written at the first start. */
  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_policy_versions_created_by' })
  creator?: User | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** Active tickets to re-score when it was activated; null when nothing was to be re-scored. */
  @Column({ name: 'rescore_total', type: 'integer', nullable: true })
  rescoreTotal: number | null;

  @Column({ name: 'rescore_done', type: 'integer', default: 0 })
  rescoreDone: number;

  @Column({ name: 'rescore_started_at', type: 'datetime', precision: 3, nullable: true })
  rescoreStartedAt: Date | null;

  @Column({ name: 'rescore_finished_at', type: 'datetime', precision: 3, nullable: true })
  rescoreFinishedAt: Date | null;
}
