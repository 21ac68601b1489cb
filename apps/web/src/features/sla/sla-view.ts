import type { SlaFilter, SlaMetric, TicketSla } from '../../api/types';

export type SlaMetricName = 'first_response' | 'resolution';
export type SlaTone = 'ok' | 'warning' | 'breached' | 'paused' | 'met' | 'late';

/** One target as a badge: a tone for the colour and a sentence that says it without colour. */
export interface SlaBadgeView {
  metric: SlaMetricName;
  tone: SlaTone;
  text: string;
}

export const METRIC_LABEL: Record<SlaMetricName, string> = {
  first_response: 'First response',
  resolution: 'Resolution',
};

export const SLA_FILTERS: readonly { value: SlaFilter; label: string }[] = [
  { value: 'at_risk', label: 'At risk' },
  { value: 'breached', label: 'Breached' },
  { value: 'ok', label: 'On track' },
];

/**
 * Working minutes as words: "45 min", "2 h 5 min", "3 d 4 h". The API counts minutes of the
 * target's calendar (business hours for P2 and P3 by default), so these are working minutes.
 */
export function formatMinutes(minutes: number): string {
  const m = Math.abs(Math.trunc(minutes));
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) {
    const rest = m % 60;
    return rest === 0 ? `${Math.floor(m / 60)} h` : `${Math.floor(m / 60)} h ${rest} min`;
  }
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

function ago(remaining: number): string {
  return remaining === 0 ? 'just now' : `${formatMinutes(remaining)} ago`;
}

function dueIn(remaining: number): string {
  return remaining === 0 ? 'due now' : `due in ${formatMinutes(remaining)}`;
}

/** A target as the API answered it (its figures are as of the answer, by the server's clock). */
export function metricView(metric: SlaMetricName, m: SlaMetric, paused: boolean): SlaBadgeView {
  const name = METRIC_LABEL[metric];
  const remaining = m.remaining_minutes ?? 0;
  if (m.met_at !== null) {
    return m.breached
      ? { metric, tone: 'late', text: `${name} met late` }
      : { metric, tone: 'met', text: `${name} met` };
  }
  // Only the resolution clock stands still while pending (docs/sla.md).
  if (paused && metric === 'resolution') {
    const left = m.breached ? 'breached' : `${formatMinutes(Math.max(remaining, 0))} left`;
    return { metric, tone: 'paused', text: `${name} paused (${left})` };
  }
  if (m.breached) return { metric, tone: 'breached', text: `${name} breached ${ago(remaining)}` };
  if (m.at_risk) return { metric, tone: 'warning', text: `${name} at risk: ${dueIn(remaining)}` };
  return { metric, tone: 'ok', text: `${name} ${dueIn(remaining)}` };
}

export function slaViews(sla: TicketSla): SlaBadgeView[] {
  return [
    metricView('first_response', sla.first_response, sla.paused),
    metricView('resolution', sla.resolution, sla.paused),
  ];
}
