import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@app/webhooks';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { ApiEnum, ApiInteger, ApiTimestamp } from '../../common/api-fields';
import { CanonicalInt } from '../../common/canonical-int';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  type WebhookDelivery,
} from '../webhook-delivery.entity';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export class DeliveryDto {
  @ApiInteger({ example: 12 })
  id: number;

  @ApiInteger({ example: 345, description: 'The ticket event; sent as `webhook-id`.' })
  event_id: number;

  @ApiEnum(WEBHOOK_EVENT_TYPES, { example: 'ticket.created' })
  type: WebhookEventType;

  @ApiEnum(DELIVERY_STATUSES, { example: 'pending' })
  status: DeliveryStatus;

  @ApiInteger({ example: 1 })
  attempts: number;

  @ApiInteger({ nullable: true, example: 503, description: 'Null when no answer came.' })
  last_status_code: number | null;

  @ApiTimestamp({ nullable: true })
  last_attempt_at: string | null;

  @ApiTimestamp({ nullable: true, description: 'Null once delivered or failed.' })
  next_attempt_at: string | null;

  @ApiProperty({
    type: 'string',
    nullable: true,
    maxLength: 1024,
    description: 'The first 1 KB of the last answer, or what went wrong (timeout, refused...).',
    example: 'Service Unavailable',
  })
  response_excerpt: string | null;

  static from(delivery: WebhookDelivery): DeliveryDto {
    return {
      id: delivery.id,
      event_id: delivery.eventId,
      type: delivery.type,
      status: delivery.status,
      attempts: delivery.attempts,
      last_status_code: delivery.lastStatusCode,
      last_attempt_at: iso(delivery.lastAttemptAt),
      next_attempt_at: delivery.status === 'pending' ? iso(delivery.nextAttemptAt) : null,
      response_excerpt: delivery.responseExcerpt,
    };
  }
}

export class DeliveryPageDto {
  @ApiProperty({ type: () => [DeliveryDto] })
  deliveries: DeliveryDto[];

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next (older) page; null on the last page.',
  })
  next_cursor: string | null;
}

export class ListDeliveriesQuery {
  /** `next_cursor` of the previous page. Newest first. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;

  /** Deliveries per page. @example 20 */
  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @CanonicalInt()
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}
