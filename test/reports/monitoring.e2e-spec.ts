import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

function dashboardExpressions(): string[] {
  const dashboard = JSON.parse(
    readFileSync(join(DEPLOY, 'grafana', 'dashboards', 'ticket-priority.json'), 'utf8'),
  ) as { panels: { targets: { expr: string }[] }[] };
  return dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
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
