import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One entry of the admin audit trail; append-only. The id is assigned under the chain head's
 * lock (head + 1), so ids have no gaps and each entry's `prev_hash` is its predecessor's `hash`.
 */
@Entity({ name: 'audit_entries' })
export class AuditEntry {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** Null for the system. */
  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId: number | null;

  /** The actor's username at the time. */
  @Column({ name: 'actor_username', type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  /** What was acted on, e.g. `user:12`. */
  @Column({ type: 'varchar', length: 128 })
  target: string;

  /** JSON text, as hashed. */
  @Column({ name: 'before_json', type: 'text', nullable: true })
  before: string | null;

  @Column({ name: 'after_json', type: 'text', nullable: true })
  after: string | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

/** The single row (id 1) every append locks: the last entry's id and hash. */
@Entity({ name: 'audit_head' })
export class AuditHead {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'last_id', type: 'integer' })
  lastId: number;

  @Column({ name: 'last_hash', type: 'varchar', length: 64 })
  lastHash: string;
}
