import { WEBHOOK_EVENT_TYPES, checkWebhookUrl, type WebhookEventType } from '@app/webhooks';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  ValidateBy,
} from 'class-validator';

/** An absolute http(s) URL without credentials or fragment, at most 2048 characters. */
const IsWebhookUrl = () =>
  ValidateBy({
    name: 'isWebhookUrl',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && checkWebhookUrl(value).ok,
      defaultMessage: (args) => {
        const check = checkWebhookUrl(String(args?.value));
        return `url ${check.ok ? 'is not valid' : check.reason}`;
      },
    },
  });

export class CreateWebhookDto {
  /**
   * Where deliveries are POSTed: http or https. It must not resolve to a loopback, private,
   * link-local or metadata address (checked now and before every attempt).
   * @example "https://hooks.example.com/tickets"
   */
  @IsString()
  @IsWebhookUrl()
  url: string;

  /** The event types to deliver, at least one. */
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...WEBHOOK_EVENT_TYPES] },
    example: ['ticket.created', 'sla.breached'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: WebhookEventType[];

  /** An inactive webhook keeps its deliveries waiting. */
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** The fields given are changed; at least one. */
export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {}
