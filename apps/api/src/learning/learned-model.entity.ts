import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MODEL_STATUSES = ['training', 'ready', 'failed'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** One trained (or being trained) version of a model kind; the newest ready one is in use. */
@Entity({ name: 'learned_models' })
@Index('UQ_learned_models_kind_version', ['kind', 'version'], { unique: true })
@Index('IDX_learned_models_kind_status', ['kind', 'status', 'version'])
export class LearnedModel {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  status: ModelStatus;

  /** Labelled tickets that existed when the version was claimed (drives the retrain rule). */
  @Column({ type: 'integer' })
  labels: number;

  /** Examples trained and measured on (training + held-out parts). */
  @Column({ type: 'integer', nullable: true })
  examples: number | null;

  @Column({ name: 'holdout_accuracy', type: 'double', nullable: true })
  holdoutAccuracy: number | null;

  /** The serialised model (JSON); loaded only when an instance switches to this version. */
  @Column({ type: 'text', nullable: true, select: false })
  model: string | null;

  @Column({ name: 'claimed_at', type: 'datetime', precision: 3 })
  claimedAt: Date;

  @Column({ name: 'trained_at', type: 'datetime', precision: 3, nullable: true })
  trainedAt: Date | null;
}
