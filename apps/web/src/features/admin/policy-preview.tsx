import type { PolicyPreview } from '../../api/types';
import { formatNumber } from '../../shared/format';

/** The what-if of a candidate policy: level changes, the largest moves, the new first page. */
export function PreviewResult({ preview, label }: { preview: PolicyPreview; label: string }) {
  const changes = Object.entries(preview.level_changes);
  return (
    <section className="policy-preview" aria-label={label}>
      <p>
        {formatNumber(preview.tickets_considered)} active tickets: {formatNumber(preview.unchanged)}{' '}
        keep their level. SLA breached: {preview.sla_breached_before} now,{' '}
        {preview.sla_breached_after} after.
      </p>
      <table aria-label="Level changes">
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">Tickets</th>
          </tr>
        </thead>
        <tbody>
          {changes.length === 0 && (
            <tr>
              <td colSpan={2}>No level changes.</td>
            </tr>
          )}
          {changes.map(([change, count]) => (
            <tr key={change}>
              <th scope="row">{change.replace('->', ' → ')}</th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label="Top movers">
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Level</th>
            <th scope="col">Score</th>
            <th scope="col">Position</th>
          </tr>
        </thead>
        <tbody>
          {preview.top_movers.length === 0 && (
            <tr>
              <td colSpan={4}>No ticket moves in the queue.</td>
            </tr>
          )}
          {preview.top_movers.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                #{m.id} {m.title}
              </th>
              <td>
                {m.from_level} → {m.to_level}
              </td>
              <td>
                {m.from_score} → {m.to_score}
              </td>
              <td>
                {m.from_rank} → {m.to_rank}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        First page now: {preview.first_page_before.map((id) => `#${id}`).join(', ') || '—'}
        <br />
        First page after: {preview.first_page_after.map((id) => `#${id}`).join(', ') || '—'}
      </p>
    </section>
  );
}
