import { describe, expect, it } from 'vitest';

import type { SlaMetric, TicketSla } from '../../api/types';
import { formatMinutes, metricView, slaViews } from './sla-view';

const metric = (patch: Partial<SlaMetric> = {}): SlaMetric => ({
  target_minutes: 60,
  due_at: '2026-12-01T11:00:00.000Z',
  met_at: null,
  breached: false,
  at_risk: false,
  remaining_minutes: 60,
  ...patch,
});

describe('SLA countdown', () => {
  it('should write working minutes as minutes, hours and days', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(12)).toBe('12 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(125)).toBe('2 h 5 min');
    expect(formatMinutes(-90)).toBe('1 h 30 min');
    expect(formatMinutes(47 * 60 + 59)).toBe('47 h 59 min');
    expect(formatMinutes(48 * 60)).toBe('2 d');
    expect(formatMinutes(3 * 1440 + 4 * 60 + 30)).toBe('3 d 4 h');
  });

  it('should say time left, a warning, a breach, or met, in words', () => {
    expect(metricView('first_response', metric({ remaining_minutes: 12 }), false)).toEqual({
      metric: 'first_response',
      tone: 'ok',
      text: 'First response due in 12 min',
    });
    expect(
      metricView('first_response', metric({ at_risk: true, remaining_minutes: 10 }), false),
    ).toMatchObject({ tone: 'warning', text: 'First response at risk: due in 10 min' });
    expect(metricView('resolution', metric({ remaining_minutes: 0 }), false).text).toBe(
      'Resolution due now',
    );
    expect(
      metricView('resolution', metric({ breached: true, remaining_minutes: -120 }), false),
    ).toMatchObject({ tone: 'breached', text: 'Resolution breached 2 h ago' });
    expect(
      metricView('resolution', metric({ breached: true, remaining_minutes: 0 }), false).text,
    ).toBe('Resolution breached just now');
    const met = { met_at: '2026-12-01T10:10:00.000Z', remaining_minutes: null };
    expect(metricView('first_response', metric(met), false)).toMatchObject({
      tone: 'met',
      text: 'First response met',
    });
    expect(metricView('first_response', metric({ ...met, breached: true }), false)).toMatchObject({
      tone: 'late',
      text: 'First response met late',
    });
  });

  it('should pause only the resolution clock while pending', () => {
    const sla: TicketSla = {
      level: 'P1',
      paused: true,
      first_response: metric({ breached: true, remaining_minutes: -60 }),
      resolution: metric({ target_minutes: 480, due_at: null, remaining_minutes: 420 }),
    };
    expect(slaViews(sla).map((view) => [view.tone, view.text])).toEqual([
      ['breached', 'First response breached 1 h ago'],
      ['paused', 'Resolution paused (7 h left)'],
    ]);
    const late = {
      ...sla,
      resolution: metric({ due_at: null, breached: true, remaining_minutes: -5 }),
    };
    expect(slaViews(late)[1].text).toBe('Resolution paused (breached)');
  });
});
