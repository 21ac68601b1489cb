import { problemFrom } from '../../api/problem';
import type { Summary } from '../../api/types';
import { useFocusOnMount } from '../../shared/focus';
import { plural } from '../../shared/format';
import { ErrorMessage } from '../../shared/messages';
import { navigate, useLocation } from '../../shared/router';
import { lastQueueUrl } from '../tickets/queue-return';
import { describeQueue, parseQueueParams, toExportQuery } from '../tickets/queue-params';
import { backlogChart, byLevel, flowChart, slaChart, timesChart, total } from './chart-data';
import { ExportButton } from './export-button';
import { useAgentsReport, useSummary } from './hooks';
import { RangePicker } from './range-picker';
import { parseReportParams, reportUrl } from './report-params';
import { ReportFigure } from './report-figure';
import { AgentsTable, BacklogTable, FlowTable, LevelTable } from './report-tables';
import './reports.css';

function Figures({ summary, per }: { summary: Summary; per: string }) {
  const { totals } = summary;
  const last = summary.buckets.at(-1);
  const sla = totals.sla_met_percent;
  return (
    <>
      <ReportFigure
        title={`Created and resolved per ${per}, by level`}
        summary={`${plural(total(totals.created), 'ticket')} created, ${total(totals.resolved)} resolved in the range. Left bars: created; right bars: resolved.`}
        spec={flowChart(summary)}
        table={<FlowTable summary={summary} caption={`Created and resolved per ${per}`} />}
      />
      <ReportFigure
        title="Backlog over time"
        summary={`Active at the end of the range: ${last ? total(last.backlog) : 0}.`}
        spec={backlogChart(summary)}
        table={<BacklogTable summary={summary} caption={`Backlog at the end of each ${per}`} />}
      />
      <ReportFigure
        title="SLA met, per level"
        summary="Share of decided targets met, for tickets created in the range (— when none is decided)."
        spec={slaChart(summary)}
        table={
          <LevelTable
            caption="SLA met percent per level"
            columns={[
              { name: 'First response met', values: sla.first_response, unit: ' %' },
              { name: 'Resolution met', values: sla.resolution, unit: ' %' },
            ]}
          />
        }
      />
      {(['first_response', 'resolution'] as const).map((metric) => {
        const spread = totals[`${metric}_minutes`];
        const name = metric === 'resolution' ? 'Resolution' : 'First response';
        return (
          <ReportFigure
            key={metric}
            title={`${name} time per level`}
            summary="Wall-clock minutes from creation, median and 90th percentile, exact over the range."
            spec={timesChart(summary, metric)}
            table={
              <LevelTable
                caption={`${name} minutes per level`}
                columns={[
                  {
                    name: 'Median (min)',
                    values: byLevel((l) => spread[l].median),
                  },
                  {
                    name: '90th percentile (min)',
                    values: byLevel((l) => spread[l].p90),
                  },
                ]}
              />
            }
          />
        );
      })}
    </>
  );
}

/** Reports for agents and admins: the summary's charts, each with its table, and the agents. */
export default function ReportsPage() {
  const location = useLocation();
  const params = parseReportParams(location.searchParams);
  const summary = useSummary(params);
  const agents = useAgentsReport(params);
  const heading = useFocusOnMount<HTMLHeadingElement>(true);
  const queue = parseQueueParams(new URL(lastQueueUrl(), 'http://console').searchParams);
  const per = params.bucket;

  return (
    <section className="view" aria-labelledby="reports-heading">
      <div className="view-title">
        <h1 id="reports-heading" tabIndex={-1} ref={heading}>
          Reports
        </h1>
        <ExportButton query={toExportQuery(queue)} label="Export queue (CSV)" />
      </div>
      <p className="muted">Export: {describeQueue(queue)}.</p>
      <RangePicker
        params={params}
        onChange={(next) => navigate(reportUrl(next), { replace: true })}
      />
      <ErrorMessage problem={summary.error ? problemFrom(summary.error) : undefined} />
      <p className="muted" role="status">
        {summary.isFetching
          ? 'Loading…'
          : summary.data && `${params.from} to ${params.to}, ${params.tz}`}
      </p>
      {summary.data && (
        <div className="reports-grid">
          <Figures summary={summary.data} per={per} />
        </div>
      )}
      <section className="card reports-agents" aria-labelledby="agents-heading">
        <h2 id="agents-heading">Agents</h2>
        <ErrorMessage problem={agents.error ? problemFrom(agents.error) : undefined} />
        {agents.data && (
          <div className="table-wrap">
            <AgentsTable agents={agents.data.agents} />
          </div>
        )}
      </section>
    </section>
  );
}
