import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@app/webhooks';
import { ApiProperty } from '@nestjs/swagger';

import { ApiInteger, ApiTimestamp } from '../../common/api-fields';
import type { Webhook } from '../webhook.entity';

/** A webhook as administrators see it; the secret is never part of it. */
export class WebhookDto {
  @ApiInteger({ example: 1 })
  id: number;

  @ApiProperty({ example: 'https://hooks.example.com/tickets' })
  url: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...WEBHOOK_EVENT_TYPES] },
    example: ['ticket.created', 'sla.breached'],
  })
  events: WebhookEventType[];

  @ApiProperty({ description: 'False when turned off, or after failing for 24 h in a row.' })
  active: boolean;

  @ApiTimestamp({
    nullable: true,
    description: 'Start of the current run of failed attempts; null after a success.',
  })
  failing_since: string | null;

  @ApiTimestamp()
  created_at: string;

  @ApiTimestamp()
  updated_at: string;

  static from(webhook: Webhook): WebhookDto {
    return {
      id: webhook.id,
      url: webhook.url,
      events: webhook.events,
      active: webhook.active,
      failing_since: webhook.failingSince?.toISOString() ?? null,
      created_at: webhook.createdAt.toISOString(),
      updated_at: webhook.updatedAt.toISOString(),
    };
  }
}

/** Answered only at creation and rotation: the one time the secret is shown. */
export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({
    description:
      'The signing secret (Standard Webhooks), shown only now: store it to verify deliveries.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret: string;
}

export class WebhookListDto {
  @ApiProperty({ type: () => [WebhookDto] })
  webhooks: WebhookDto[];
}
