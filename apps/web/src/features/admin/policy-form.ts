import type { PolicyVersion, PolicyWeights, SlaPolicy } from '../../api/types';

/** One number input of the policy form; `path` is the API's field path (as in a 400's errors). */
export interface PolicyField {
  path: string;
  label: string;
}

export interface PolicyFieldGroup {
  legend: string;
  fields: PolicyField[];
}

/** The form's values by field path, as typed (strings), so a half-typed number is kept. */
export type PolicyValues = Record<string, string>;

const LEVELS = ['P0', 'P1', 'P2', 'P3'] as const;

function bucketFields(
  name: 'impact' | 'age',
  bound: 'maxUsers' | 'underHours',
  buckets: readonly { points: number; maxUsers?: number; underHours?: number }[],
): PolicyField[] {
  const unit = bound === 'maxUsers' ? 'users at most' : 'hours, under';
  return buckets.flatMap((bucket, i) => [
    ...(bucket[bound] === undefined
      ? []
      : [{ path: `weights.${name}[${i}].${bound}`, label: `${name} bucket ${i + 1}: ${unit}` }]),
    { path: `weights.${name}[${i}].points`, label: `${name} bucket ${i + 1}: points` },
  ]);
}

/** Every number of a policy, grouped as the form shows them. */
export function policyFieldGroups(weights: PolicyWeights): PolicyFieldGroup[] {
  const keys = <T extends object>(prefix: string, o: T, label: string): PolicyField[] =>
    Object.keys(o).map((k) => ({ path: `${prefix}.${k}`, label: `${label} ${k}` }));
  return [
    { legend: 'Issue type', fields: keys('weights.issueType', weights.issueType, 'Issue type') },
    {
      legend: 'Customer type',
      fields: keys('weights.customerType', weights.customerType, 'Customer type'),
    },
    { legend: 'Impact buckets', fields: bucketFields('impact', 'maxUsers', weights.impact) },
    ...(weights.age.length > 0
      ? [{ legend: 'Age buckets', fields: bucketFields('age', 'underHours', weights.age) }]
      : []),
    {
      legend: 'Level thresholds (minimum score)',
      fields: keys('weights.levels', weights.levels, 'Threshold'),
    },
    {
      legend: 'SLA targets (minutes)',
      fields: [
        ...LEVELS.flatMap((level) => [
          {
            path: `sla.targets.${level}.first_response_minutes`,
            label: `${level} first response minutes`,
          },
          { path: `sla.targets.${level}.resolution_minutes`, label: `${level} resolution minutes` },
        ]),
        { path: 'sla.warn_at_percent', label: 'Warn at percent' },
      ],
    },
  ];
}

/** `weights.impact[1].points` → `['weights', 'impact', '1', 'points']`. */
const segments = (path: string) => path.replace(/\[(\d+)\]/g, '.$1').split('.');

function read(root: unknown, path: string): unknown {
  return segments(path).reduce<unknown>(
    (node, key) => (node as Record<string, unknown> | undefined)?.[key],
    root,
  );
}

function write(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = segments(path);
  const last = keys.pop() as string;
  const parent = keys.reduce<Record<string, unknown>>(
    (node, key) => node[key] as Record<string, unknown>,
    root,
  );
  parent[last] = value;
}

/** The form's values for a policy. */
export function valuesOf(weights: PolicyWeights, sla: SlaPolicy): PolicyValues {
  const root = { weights, sla };
  const values: PolicyValues = {};
  for (const group of policyFieldGroups(weights)) {
    for (const { path } of group.fields) values[path] = String(read(root, path));
  }
  return values;
}

/**
 * The candidate the form describes: the base policy with every edited number put in. An empty
 * or non-numeric input is sent as is, so the API's 400 names that field.
 */
export function candidateOf(
  base: Pick<PolicyVersion, 'weights' | 'sla'>,
  values: PolicyValues,
): { weights: PolicyWeights; sla: SlaPolicy } {
  const root = structuredClone({ weights: base.weights, sla: base.sla });
  for (const [path, raw] of Object.entries(values)) {
    const text = raw.trim();
    const number = Number(text);
    write(root, path, text !== '' && Number.isFinite(number) ? number : raw);
  }
  return root;
}

/** The numbers of `version` that differ from `active`, by field path. */
export function policyDiff(
  version: Pick<PolicyVersion, 'weights' | 'sla'>,
  active: Pick<PolicyVersion, 'weights' | 'sla'>,
): { path: string; from: string; to: string }[] {
  const theirs = valuesOf(version.weights, version.sla);
  const ours = valuesOf(active.weights, active.sla);
  const paths = new Set([...Object.keys(theirs), ...Object.keys(ours)]);
  return [...paths]
    .filter((path) => theirs[path] !== ours[path])
    .map((path) => ({ path, from: ours[path] ?? '—', to: theirs[path] ?? '—' }));
}
