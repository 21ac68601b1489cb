import type { WebhookEventType } from '@app/webhooks';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** JSON text in a varchar: the subscribed event types. */
const eventList = {
  to: (value: WebhookEventType[]) => JSON.stringify(value),
  from: (value: string) => JSON.parse(value) as WebhookEventType[],
};

/** An endpoint that receives signed deliveries of the event types it subscribes to. */
@Entity({ name: 'webhooks' })
export class Webhook {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Column({ type: 'varchar', length: 512, transformer: eventList })
  events: WebhookEventType[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** `whsec_<base64>`: kept so deliveries can be signed; never answered except once. */
  @Column({ type: 'varchar', length: 100, select: false })
  secret: string;

  /** When the current run of failed attempts began; null after a success. */
  @Column({ name: 'failing_since', type: 'datetime', precision: 3, nullable: true })
  failingSince: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
