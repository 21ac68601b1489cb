import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';

import type { ChartSeries, ChartSpec } from './chart-data';

type UPlotClass = typeof uPlot;
const HEIGHT = 260;

/** uPlot (and its CSS) load with the first chart, never with the console's shell. */
const loadUPlot = () =>
  Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => m.default);

function themeColor(name: ChartSeries['color']): string {
  const variable = name.startsWith('P') ? `--${name.toLowerCase()}-bg` : `--${name}`;
  const value = getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
  return value || '#5f6b7a';
}

function seriesOptions(U: UPlotClass, series: ChartSeries): uPlot.Series {
  const color = themeColor(series.color);
  if (series.kind === 'line') {
    return { label: series.label, stroke: color, width: 2, points: { show: true, size: 5 } };
  }
  const size: [number, number] = [series.side ? 0.38 : 0.7, 48];
  return {
    label: series.label,
    stroke: color,
    fill: color,
    width: 0,
    points: { show: false },
    paths: U.paths.bars!({ size, align: series.side ?? 0 }),
  };
}

function options(U: UPlotClass, spec: ChartSpec, width: number): uPlot.Options {
  const text = themeColor('text');
  const grid = { stroke: getComputedStyle(document.documentElement).getPropertyValue('--border') };
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: (_u, min, max) => [min - 0.6, max + 0.6] },
      y: { range: (_u, _min, max) => [0, max > 0 ? Math.ceil(max * 1.1) : 1] },
    },
    axes: [
      {
        stroke: text,
        grid: { show: false },
        incrs: [1, 2, 5, 7, 10, 14, 28, 30, 50, 100],
        values: (_u, splits) =>
          splits.map((v) => (Number.isInteger(v) ? (spec.categories[v] ?? '') : '')),
      },
      { stroke: text, grid, label: spec.yLabel },
    ],
    series: [{}, ...spec.series.map((series) => seriesOptions(U, series))],
  };
}

/**
 * A uPlot canvas for a spec. Hidden from assistive technology: the figure's table beside it
 * carries the same figures as text.
 */
export function Chart({ spec }: { spec: ChartSpec }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let chart: uPlot | undefined;
    let cancelled = false;
    const data: uPlot.AlignedData = [
      spec.categories.map((_, i) => i),
      ...spec.series.map((series) => series.values),
    ];
    const observer = new ResizeObserver(() => {
      if (chart && element.clientWidth > 0) {
        chart.setSize({ width: element.clientWidth, height: HEIGHT });
      }
    });
    void loadUPlot().then((U) => {
      if (cancelled) return;
      chart = new U(options(U, spec, element.clientWidth || 600), data, element);
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      observer.disconnect();
      chart?.destroy();
    };
  }, [spec]);

  return <div className="report-chart" ref={box} aria-hidden="true" data-chart="uplot" />;
}
