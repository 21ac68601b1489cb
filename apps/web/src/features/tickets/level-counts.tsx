import { LEVELS, LevelBadge } from '../../shared/badges';
import { formatNumber } from '../../shared/format';
import { useLevelCounts } from './hooks';
import type { AssigneeFilter, StatusFilter } from './queue-params';

/** The queue at a glance: a count per level, as text and as a bar. */
export function LevelCounts({
  status,
  assignee,
}: {
  status?: StatusFilter;
  assignee?: AssigneeFilter;
}) {
  const counts = useLevelCounts(status, assignee).map((query) => query.data);
  const max = Math.max(0, ...counts.map((count) => count ?? 0));
  return (
    <section className="card glance" aria-labelledby="glance-heading">
      <h2 id="glance-heading">Tickets by priority</h2>
      <ul className="chart" aria-label="Ticket counts by priority">
        {LEVELS.map((level, index) => {
          const count = counts[index];
          const width = count === undefined || max === 0 ? 0 : (count / max) * 100;
          return (
            <li key={level}>
              <LevelBadge level={level} />
              <span className="chart-track" aria-hidden="true">
                <span
                  className={`chart-bar level-${level.toLowerCase()}`}
                  style={{ width: `${width}%` }}
                />
              </span>
              <span className="chart-count">
                {count === undefined ? '…' : formatNumber(count)}
                <span className="visually-hidden">{count === 1 ? ' ticket' : ' tickets'}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
