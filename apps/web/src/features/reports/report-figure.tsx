import { useId, type ReactNode } from 'react';

import { Chart } from './chart';
import type { ChartSeries, ChartSpec } from './chart-data';

const swatchClass = (color: ChartSeries['color']) =>
  color.startsWith('P') ? `level-${color.toLowerCase()}` : `swatch-${color}`;

/** Which colour is which, in words next to the colour (never colour alone). */
function Legend({ spec }: { spec: ChartSpec }) {
  const seen = new Set<string>();
  // Stacks are drawn tallest first; the legend reads P0 to P3.
  const ordered = [...spec.series].sort(
    (a, b) => (a.side ?? 0) - (b.side ?? 0) || a.label.localeCompare(b.label),
  );
  const entries = ordered.filter((series) => {
    const key = `${series.side ?? 0}:${series.color}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <ul className="chart-legend" aria-hidden="true">
      {entries.map((series) => (
        <li key={series.label}>
          <span className={`swatch ${swatchClass(series.color)}`}></span>
          {series.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * A chart with its text alternative: a caption, a one-line summary, and a table of every
 * figure drawn (the table is what screen readers and tests read).
 */
export function ReportFigure({
  title,
  summary,
  spec,
  table,
}: {
  title: string;
  summary: string;
  spec: ChartSpec;
  table: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="card report-figure" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
        <p className="muted">{summary}</p>
      </figcaption>
      <Legend spec={spec} />
      <Chart spec={spec} />
      <div className="table-wrap">{table}</div>
    </figure>
  );
}

export const figure = (value: number | null | undefined, unit = '') =>
  value === null || value === undefined ? '—' : `${value}${unit}`;
