import fc from 'fast-check';

import {
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_TYPE_OF_EVENT,
  isWebhookEventType,
  webhookTypeOf,
} from './events';

describe('webhookTypeOf', () => {
  it('should map every history type to one webhook type or to none', () => {
    for (const [source, type] of Object.entries(WEBHOOK_TYPE_OF_EVENT)) {
      expect(webhookTypeOf(source)).toBe(type);
      expect(type === null || isWebhookEventType(type)).toBe(true);
    }
  });

  it('should reach every webhook type from some history type', () => {
    const reached = new Set(Object.values(WEBHOOK_TYPE_OF_EVENT));
    for (const type of WEBHOOK_EVENT_TYPES) expect(reached.has(type)).toBe(true);
  });

  it('should name the issue types for the SLA and level events', () => {
    expect(webhookTypeOf('sla_breached')).toBe('sla.breached');
    expect(webhookTypeOf('sla_warning')).toBe('sla.warning');
    expect(webhookTypeOf('level_raised')).toBe('ticket.level_raised');
    expect(webhookTypeOf('status_changed')).toBe('ticket.updated');
    expect(webhookTypeOf('claimed')).toBeNull();
  });

  it('should map any unknown string, prototype names included, to none', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom('toString', '__proto__', 'constructor')),
        (text) => Object.hasOwn(WEBHOOK_TYPE_OF_EVENT, text) || webhookTypeOf(text) === null,
      ),
    );
  });
});
