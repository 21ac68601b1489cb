import { readFileSync } from 'node:fs';

/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) this summary reads. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  /** Share of all samples, 0..1. */
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time per function. */
  selfByFunction: ProfileLine[];
  /** Self time per package (node_modules/<name>), `app` for our code, `node` for node:internal. */
  selfByPackage: ProfileLine[];
  /** Inclusive ("total") time per function, recursion counted once. */
  totalByFunction: ProfileLine[];
}

function packageOf(url: string): string {
  if (!url) return '(native / gc / idle)';
  if (url.startsWith('node:')) return 'node';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  return url.includes('/dist/') ? 'app' : url;
}

function labelOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

const top = (map: Map<string, number>, total: number, count: number): ProfileLine[] =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, value]) => ({ name, share: value / total }));

/**
 * Self and inclusive times of a profile, the idle time left out of the total; samples of the
 * first `skipMs` after the profile began (start-up, warm-up) are left out too.
 */
export function summarizeProfile(path: string, skipMs = 0, count = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const self = new Map<string, number>();
  const packages = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  const from = profile.startTime + skipMs * 1000;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)!;
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at < from || node.callFrame.functionName === '(idle)') return;
    total += delta;
    const label = labelOf(node);
    self.set(label, (self.get(label) ?? 0) + delta);
    const pkg = packageOf(node.callFrame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + delta);
    const seen = new Set<string>();
    for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
      const name = labelOf(byId.get(up)!);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    }
  });
  return {
    totalMs: total / 1000,
    selfByFunction: top(self, total, count),
    selfByPackage: top(packages, total, count),
    totalByFunction: top(inclusive, total, count * 2),
  };
}
