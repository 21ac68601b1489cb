import { useMemo } from 'react';

import { BUCKETS, zoneChoices, type ReportParams } from './report-params';

/** From, to, bucket and time zone; every change goes to the URL (and so to the request). */
export function RangePicker({
  params,
  onChange,
}: {
  params: ReportParams;
  onChange: (next: ReportParams) => void;
}) {
  const zones = useMemo(() => zoneChoices(params.tz), [params.tz]);
  const change = (patch: Partial<ReportParams>) => onChange({ ...params, ...patch });
  return (
    <form
      className="filters report-filters"
      aria-label="Report range"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor="report-from">From</label>
        <input
          id="report-from"
          type="date"
          value={params.from}
          max={params.to}
          required
          onChange={(e) => e.target.value && change({ from: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="report-to">To</label>
        <input
          id="report-to"
          type="date"
          value={params.to}
          min={params.from}
          required
          onChange={(e) => e.target.value && change({ to: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="report-bucket">Bucket</label>
        <select
          id="report-bucket"
          value={params.bucket}
          onChange={(e) => change({ bucket: e.target.value as ReportParams['bucket'] })}
        >
          {BUCKETS.map((bucket) => (
            <option key={bucket} value={bucket}>
              {bucket === 'day' ? 'Day' : 'Week (from Monday)'}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="report-tz">Time zone</label>
        <select id="report-tz" value={params.tz} onChange={(e) => change({ tz: e.target.value })}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
