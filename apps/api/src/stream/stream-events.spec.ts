import { TICKET_EVENT_TYPES } from '../ticket-events/ticket-event.entity';
import { formatEvent, toMessage, visibleTo, type StreamItem } from './stream-events';

const item = (overrides: Partial<StreamItem> = {}): StreamItem => ({
  id: 7,
  ticketId: 42,
  type: 'level_raised',
  internal: false,
  createdBy: 3,
  at: '2026-01-01T12:00:00.000Z',
  data: { from: 'P2', to: 'P1' },
  ...overrides,
});

describe('stream events', () => {
  it('should name each history type as the stream does', () => {
    const names = Object.fromEntries(
      TICKET_EVENT_TYPES.map((type) => [type, toMessage(item({ type })).type]),
    );
    expect(names).toEqual({
      created: 'ticket.created',
      level_raised: 'ticket.level_raised',
      status_changed: 'ticket.updated',
      assigned: 'ticket.updated',
      claimed: 'ticket.updated',
      retriaged: 'ticket.updated',
      commented: 'ticket.commented',
      priority_overridden: 'ticket.updated',
      override_cleared: 'ticket.updated',
      policy_rescored: 'ticket.updated',
      sla_warning: 'sla.warning',
      sla_breached: 'sla.breached',
    });
  });

  it('should show reporters only public events of their own tickets, staff everything', () => {
    expect(visibleTo(item(), { id: 3, role: 'reporter' })).toBe(true);
    expect(visibleTo(item(), { id: 4, role: 'reporter' })).toBe(false);
    expect(visibleTo(item({ internal: true }), { id: 3, role: 'reporter' })).toBe(false);
    expect(visibleTo(item({ internal: true }), { id: 9, role: 'agent' })).toBe(true);
    expect(visibleTo(item({ createdBy: 1 }), { id: 9, role: 'admin' })).toBe(true);
  });

  it('should frame one event as an id line and one data line', () => {
    expect(formatEvent(item())).toBe(
      'id: 7\ndata: {"type":"ticket.level_raised","ticket_id":42,"at":"2026-01-01T12:00:00.000Z",' +
        '"event_id":7,"event":"level_raised","details":{"from":"P2","to":"P1"}}\n\n',
    );
  });
});
