import type { WebhookEventType } from '@app/webhooks';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One event for one webhook: the outbox row, and the record of its attempts. */
@Entity({ name: 'webhook_deliveries' })
@Index('UQ_webhook_deliveries_event', ['webhookId', 'eventId'], { unique: true })
export class WebhookDelivery {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'webhook_id', type: 'integer' })
  webhookId: number;

  /** The ticket event (ticket_events.id); sent as `webhook-id` on every attempt. */
  @Column({ name: 'event_id', type: 'integer' })
  eventId: number;

  @Column({ type: 'varchar', length: 32 })
  type: WebhookEventType;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When a relay may claim it next (a retry, or a lease running out); null when done. */
  @Index('IDX_webhook_deliveries_due')
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  /** The claim of the attempt in progress; its outcome is written only under this token. */
  @Column({ name: 'lease_token', type: 'varchar', length: 36, nullable: true })
  leaseToken: string | null;

  /** Start of the 24 h retry window (the commit, or a manual retry). */
  @Column({ name: 'first_due_at', type: 'datetime', precision: 3 })
  firstDueAt: Date;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'last_attempt_at', type: 'datetime', precision: 3, nullable: true })
  lastAttemptAt: Date | null;

  /** The first 1 KB of the last answer, or what went wrong when there was none. */
  @Column({ name: 'response_excerpt', type: 'text', nullable: true })
  responseExcerpt: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
