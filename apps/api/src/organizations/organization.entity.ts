import type { CustomerType } from '@app/priority';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A customer: its reporters' tickets take its tier (`customer_type`). */
@Entity({ name: 'organizations' })
export class Organization {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Unique, compared without regard to case. */
  @Column({ type: 'varchar', length: 100, unique: true })
  name: string;

  @Column({ name: 'customer_type', type: 'varchar', length: 16 })
  customerType: CustomerType;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
