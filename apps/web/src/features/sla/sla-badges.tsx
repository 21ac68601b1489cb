import type { TicketSla } from '../../api/types';
import { formatDate } from '../../shared/format';
import { slaViews, type SlaBadgeView } from './sla-view';

const MARK: Record<SlaBadgeView['tone'], string> = {
  ok: '◷',
  warning: '⚠',
  breached: '✕',
  paused: '⏸',
  met: '✓',
  late: '✓',
};

/** One target: a mark, the sentence and a tone colour (never colour alone). */
export function SlaBadge({ view, due }: { view: SlaBadgeView; due?: string | null }) {
  return (
    <span
      className={`sla-badge sla-${view.tone}`}
      data-metric={view.metric}
      title={due ? `Due ${formatDate(due)}` : undefined}
    >
      <span aria-hidden="true">{MARK[view.tone]} </span>
      {view.text}
    </span>
  );
}

/** Both targets of a ticket, as a list (the queue cell and the ticket page). */
export function SlaBadges({ sla }: { sla: TicketSla }) {
  const views = slaViews(sla);
  return (
    <ul className="sla-badges" aria-label="SLA targets">
      {views.map((view) => (
        <li key={view.metric}>
          <SlaBadge view={view} due={sla[view.metric].due_at} />
        </li>
      ))}
    </ul>
  );
}
