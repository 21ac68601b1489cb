import type { Ticket } from '../../api/types';
import { formatDate } from '../../shared/format';
import { SlaBadge } from './sla-badges';
import { formatMinutes, METRIC_LABEL, slaViews } from './sla-view';

/** The ticket's targets in full: the badge, the target, when it falls due or was met. */
export function SlaPanel({ ticket }: { ticket: Ticket }) {
  const { sla } = ticket;
  return (
    <section className="card" aria-labelledby="sla-heading">
      <h2 id="sla-heading">Service level</h2>
      <p className="muted">
        Targets of {sla.level}
        {sla.paused && ': the resolution clock is paused while the ticket waits on the customer'}.
      </p>
      <dl className="details">
        {slaViews(sla).map((view) => {
          const metric = sla[view.metric];
          const when = metric.met_at
            ? `met ${formatDate(metric.met_at)}`
            : metric.due_at
              ? `due ${formatDate(metric.due_at)}`
              : 'no due time while paused';
          return (
            <div key={view.metric} className="detail">
              <dt>{METRIC_LABEL[view.metric]}</dt>
              <dd>
                <SlaBadge view={view} />
                <span className="muted sla-when">
                  {' '}
                  Target {formatMinutes(metric.target_minutes)}, {when}
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
