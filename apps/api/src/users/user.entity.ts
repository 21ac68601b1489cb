import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Organization } from '../organizations/organization.entity';

export const ROLES = ['reporter', 'agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Canonical form: NFKC, trimmed, lower case. */
  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16, default: 'reporter' })
  role: Role;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** A disabled user cannot sign in, and their tokens stop working at once. */
  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Takes auto-assigned work; null is the role's default (agents yes, admins no). */
  @Column({ type: 'boolean', nullable: true })
  available: boolean | null;

  /** Most active tickets assigned at once; null is AGENT_DEFAULT_CAPACITY. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  /** The customer a reporter belongs to; their tickets take its tier. */
  @Index('IDX_users_organization')
  @Column({ name: 'organization_id', type: 'integer', nullable: true })
  organizationId: number | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_users_organization' })
  organization?: Organization | null;

  @Column({ name: 'last_assigned_at', type: 'datetime', precision: 3, nullable: true })
  lastAssignedAt: Date | null;
}
