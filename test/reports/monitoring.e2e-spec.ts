import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { load } from 'js-yaml';

import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

const DEPLOY = join(__dirname, '..', '..', 'deploy');
const HISTOGRAM_SUFFIX = /_(bucket|sum|count)$/;
/** PromQL words that look like metric names but are not. */
const PROMQL_WORDS = new Set(
  'sum by without rate increase irate histogram_quantile clamp_min clamp_max avg max min count or and unless on ignoring group_left group_right bool offset topk bottomk abs le humanizePercentage'.split(
    ' ',
  ),
);

interface RuleFile {
  groups: { rules: { alert?: string; expr: string }[] }[];
}

/** Every metric name a PromQL expression reads (labels, strings, ranges and functions removed). */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '""')
    .replace(/\b\d+(\.\d+)?(e[+-]?\d+)?\b/gi, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ');
  const words = bare.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [];
  return [...new Set(words.filter((w) => !PROMQL_WORDS.has(w) && !/^\d/.test(w)))];
}

interface Panel {
  targets?: { expr?: string }[];
  /** A collapsed row holds its panels. */
  panels?: Panel[];
}

const panelExpressions = (panels: Panel[]): string[] =>
  panels.flatMap((panel) => [
    ...(panel.targets ?? []).flatMap((target) => (target.expr ? [target.expr] : [])),
    ...panelExpressions(panel.panels ?? []),
  ]);

/** Every query of every provisioned dashboard, rows included. */
function dashboardExpressions(): string[] {
  const folder = join(DEPLOY, 'grafana', 'dashboards');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const dashboard = JSON.parse(readFileSync(join(folder, file), 'utf8')) as {
        panels: Panel[];
      };
      return panelExpressions(dashboard.panels);
    });
}

function ruleExpressions(): string[] {
  const rules = load(readFileSync(join(DEPLOY, 'prometheus', 'alerts.yml'), 'utf8')) as RuleFile;
  return rules.groups.flatMap((group) => group.rules.map((rule) => rule.expr));
}

/** Metric families in an exposition, by their `# TYPE` lines (present even before a sample). */
const exportedFamilies = (text: string) =>
  new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]));

describe('metrics named by the dashboard and the alert rules', () => {
  let testApp: TestApp;
  let families: Set<string>;

  beforeAll(async () => {
    testApp = await startTestApp();
    families = exportedFamilies((await new Http(testApp.baseUrl).get('/metrics')).text);
  });

  afterAll(() => testApp.close());

  it('should parse metric names out of PromQL', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.9, sum by (le, level) (rate(ticket_resolution_seconds_bucket{a="b"}[1d])))',
      ),
    ).toEqual(['ticket_resolution_seconds_bucket']);
    expect(metricNamesIn('app_ready == 0 or up{job="x"} == 0')).toEqual(['app_ready', 'up']);
  });

  it.each([
    ['the Grafana dashboard', dashboardExpressions],
    ['the Prometheus alert rules', ruleExpressions],
  ])('should find every metric %s reads in /metrics', (_, expressions) => {
    // `up` is Prometheus's own, per scrape target.
    const named = expressions()
      .flatMap(metricNamesIn)
      .filter((name) => name !== 'up');
    expect(named.length).toBeGreaterThan(0);
    const missing = named.filter((name) => !families.has(name.replace(HISTOGRAM_SUFFIX, '')));
    expect(missing).toEqual([]);
  });

  it.each([
    'tickets_active',
    'tickets_created_total',
    'tickets_resolved_total',
    'ticket_resolution_seconds',
    'ticket_first_response_seconds',
    'sla_breaches_total',
    'ticket_assignments_total',
  ])('should export %s, and chart it on the dashboard', (name) => {
    expect(families.has(name)).toBe(true);
    const charted = dashboardExpressions()
      .flatMap(metricNamesIn)
      .map((metric) => metric.replace(HISTOGRAM_SUFFIX, ''));
    expect(charted).toContain(name);
  });

  it('should give every alert a summary and a severity', () => {
    const rules = load(readFileSync(join(DEPLOY, 'prometheus', 'alerts.yml'), 'utf8')) as {
      groups: {
        rules: { alert: string; labels?: { severity?: string }; annotations?: object }[];
      }[];
    };
    const alerts = rules.groups.flatMap((group) => group.rules);
    expect(alerts.map((rule) => rule.alert).sort()).toEqual([
      'HighServerErrorRate',
      'P0SlaBreached',
      'ReadinessDown',
    ]);
    for (const rule of alerts) {
      expect(rule.labels?.severity).toEqual(expect.any(String));
      expect(rule.annotations).toHaveProperty('summary');
    }
  });
});

const promtool = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' }).stdout.trim();
(promtool ? describe : describe.skip)('promtool (Debian package prometheus)', () => {
  it('should accept the alert rules', () => {
    const out = execFileSync(
      promtool,
      ['check', 'rules', join(DEPLOY, 'prometheus', 'alerts.yml')],
      {
        encoding: 'utf8',
      },
    );
    expect(out).toMatch(/SUCCESS: 3 rules found/);
  });
});
