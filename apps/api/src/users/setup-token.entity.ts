import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A one-time token an invited user exchanges for their first password; only its hash is kept. */
@Entity({ name: 'user_setup_tokens' })
export class SetupToken {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Index('IDX_user_setup_tokens_user')
  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  /** SHA-256 (hex) of the token: 256 random bits need no slow hash. */
  @Index('UQ_user_setup_tokens_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;
}
