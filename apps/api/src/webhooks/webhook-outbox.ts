import { webhookTypeOf, type WebhookEventType } from '@app/webhooks';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { TicketEventType } from '../ticket-events/ticket-event.entity';
import { sqlDateTime } from '../tickets/ticket-rows';

/** An event as it was just recorded, with its id. */
export interface RecordedEvent {
  id: number;
  type: TicketEventType;
  at: Date;
  /** Imported history is not news: it never leaves as a webhook. */
  imported: boolean;
}

// Every history type has its place in the mapping (libs/webhooks/src/events.ts).
const COVERED: Record<TicketEventType, WebhookEventType | null> = {
  created: webhookTypeOf('created'),
  level_raised: webhookTypeOf('level_raised'),
  status_changed: webhookTypeOf('status_changed'),
  assigned: webhookTypeOf('assigned'),
  claimed: webhookTypeOf('claimed'),
  retriaged: webhookTypeOf('retriaged'),
  commented: webhookTypeOf('commented'),
  priority_overridden: webhookTypeOf('priority_overridden'),
  override_cleared: webhookTypeOf('override_cleared'),
  sla_warning: webhookTypeOf('sla_warning'),
  sla_breached: webhookTypeOf('sla_breached'),
  policy_rescored: webhookTypeOf('policy_rescored'),
};

/**
 * The transactional outbox: in the transaction that records events, one delivery row per event
 * and active webhook subscribed to its type. The row commits or rolls back with the change.
 */
@Injectable()
export class WebhookOutbox {
  async enqueue(manager: EntityManager, events: RecordedEvent[]): Promise<number> {
    const typed = events.flatMap((event) => {
      const type = event.imported ? null : COVERED[event.type];
      return type ? [{ event, type }] : [];
    });
    if (typed.length === 0) return 0;
    // Read inside the change's transaction, so a webhook created on any instance counts.
    const hooks: { id: number; events: string }[] = await manager.query(
      'SELECT id, events FROM webhooks WHERE active = ?',
      [1],
    );
    const values: unknown[] = [];
    for (const hook of hooks) {
      const wanted = new Set(JSON.parse(hook.events) as string[]);
      for (const { event, type } of typed) {
        if (!wanted.has(type)) continue;
        const at = sqlDateTime(event.at);
        values.push(Number(hook.id), event.id, type, 'pending', 0, at, at, at);
      }
    }
    const rows = values.length / 8;
    if (rows === 0) return 0;
    await manager.query(
      'INSERT INTO webhook_deliveries (webhook_id, event_id, type, status, attempts, ' +
        'next_attempt_at, first_due_at, created_at) VALUES ' +
        Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', '),
      values,
    );
    return rows;
  }
}
