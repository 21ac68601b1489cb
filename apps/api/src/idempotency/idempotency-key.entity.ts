import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One `Idempotency-Key` a user sent, with the response it produced. The unique index on
 * (user, key) is what makes the guarantee hold across processes and replicas.
 */
@Entity({ name: 'idempotency_keys' })
@Index('UQ_idempotency_keys_user_key', ['userId', 'keyHash'], { unique: true })
export class IdempotencyKey {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  /** sha256 of the key: fixed width, and case-sensitive whatever the column collation. */
  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  /** sha256 of method, route and canonical body; a different request under the key → 422. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  /** Null while the first request is still running (SQLite only; MySQL keeps it uncommitted). */
  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Index('IDX_idempotency_keys_expires_at')
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;
}
