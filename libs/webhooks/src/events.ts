/** The event types a webhook can subscribe to, as issue 15 names them. */
export const WEBHOOK_EVENT_TYPES = [
  'ticket.created',
  'ticket.updated',
  'ticket.level_raised',
  'ticket.commented',
  'sla.warning',
  'sla.breached',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * The one place that says which history entry leaves the service as which webhook type. Each
 * entry maps to at most one type, so one event is at most one delivery per webhook (one
 * `webhook-id`). `claimed` is always followed by its `assigned` entry, which carries the change.
 */
export const WEBHOOK_TYPE_OF_EVENT = {
  created: 'ticket.created',
  level_raised: 'ticket.level_raised',
  status_changed: 'ticket.updated',
  assigned: 'ticket.updated',
  claimed: null,
  retriaged: 'ticket.updated',
  commented: 'ticket.commented',
  priority_overridden: 'ticket.updated',
  override_cleared: 'ticket.updated',
  sla_warning: 'sla.warning',
  sla_breached: 'sla.breached',
  // A new policy version moved the ticket's level.
  policy_rescored: 'ticket.updated',
} as const satisfies Record<string, WebhookEventType | null>;

export type SourceEventType = keyof typeof WEBHOOK_TYPE_OF_EVENT;

/** The webhook type of a history entry, or null when it is never delivered. */
export function webhookTypeOf(eventType: string): WebhookEventType | null {
  return Object.hasOwn(WEBHOOK_TYPE_OF_EVENT, eventType)
    ? WEBHOOK_TYPE_OF_EVENT[eventType as SourceEventType]
    : null;
}

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
