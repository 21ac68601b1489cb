import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Ticket } from '../tickets/ticket.entity';
import { User } from '../users/user.entity';

/** A reply to the customer, or an internal note (agents and admins only); append-only. */
@Entity({ name: 'ticket_comments' })
@Index('IDX_ticket_comments_ticket', ['ticketId', 'id'])
export class TicketComment {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'ticket_id', type: 'integer' })
  ticketId: number;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'FK_ticket_comments_ticket' })
  ticket?: Ticket;

  @Index('IDX_ticket_comments_author')
  @Column({ name: 'author_id', type: 'integer' })
  authorId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_ticket_comments_author' })
  author?: User;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'boolean', default: false })
  internal: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
