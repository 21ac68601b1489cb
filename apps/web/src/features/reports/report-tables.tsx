import type { AgentReport, Summary } from '../../api/types';
import { LEVELS } from '../../shared/badges';
import { total } from './chart-data';
import { figure } from './report-figure';

export function FlowTable({ summary, caption }: { summary: Summary; caption: string }) {
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Starting</th>
          {LEVELS.map((l) => (
            <th scope="col" className="num" key={`c${l}`}>
              Created {l}
            </th>
          ))}
          {LEVELS.map((l) => (
            <th scope="col" className="num" key={`r${l}`}>
              Resolved {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {summary.buckets.map((b) => (
          <tr key={b.start}>
            <th scope="row">{b.start}</th>
            {LEVELS.map((l) => (
              <td className="num" key={`c${l}`}>
                {b.created[l]}
              </td>
            ))}
            {LEVELS.map((l) => (
              <td className="num" key={`r${l}`}>
                {b.resolved[l]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BacklogTable({ summary, caption }: { summary: Summary; caption: string }) {
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Starting</th>
          {LEVELS.map((l) => (
            <th scope="col" className="num" key={l}>
              {l}
            </th>
          ))}
          <th scope="col" className="num">
            All
          </th>
        </tr>
      </thead>
      <tbody>
        {summary.buckets.map((b) => (
          <tr key={b.start}>
            <th scope="row">{b.start}</th>
            {LEVELS.map((l) => (
              <td className="num" key={l}>
                {b.backlog[l]}
              </td>
            ))}
            <td className="num">{total(b.backlog)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One row per level, a column per figure. */
export function LevelTable({
  caption,
  columns,
}: {
  caption: string;
  columns: {
    name: string;
    values: Record<(typeof LEVELS)[number], number | null>;
    unit?: string;
  }[];
}) {
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Level</th>
          {columns.map((c) => (
            <th scope="col" className="num" key={c.name}>
              {c.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {LEVELS.map((level) => (
          <tr key={level}>
            <th scope="row">{level}</th>
            {columns.map((c) => (
              <td className="num" key={c.name}>
                {figure(c.values[level], c.unit)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgentsTable({ agents }: { agents: AgentReport[] }) {
  return (
    <table className="report-table">
      <caption>Agents: tickets created in the range and assigned to them</caption>
      <thead>
        <tr>
          <th scope="col">Agent</th>
          <th scope="col" className="num">
            Assigned
          </th>
          <th scope="col" className="num">
            Resolved
          </th>
          <th scope="col" className="num">
            Median resolution (min)
          </th>
          <th scope="col" className="num">
            First responses
          </th>
          <th scope="col" className="num">
            Resolution SLA met
          </th>
          <th scope="col" className="num">
            Open now
          </th>
        </tr>
      </thead>
      <tbody>
        {agents.map((row) => (
          <tr key={row.agent.id}>
            <th scope="row">{row.agent.username}</th>
            <td className="num">{row.assigned}</td>
            <td className="num">{row.resolved}</td>
            <td className="num">{figure(row.median_resolution_minutes)}</td>
            <td className="num">{row.first_responses}</td>
            <td className="num">{figure(row.resolution_sla_met_percent, ' %')}</td>
            <td className="num">{row.open_now}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
