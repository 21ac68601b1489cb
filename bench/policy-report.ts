import type { PolicyCase } from './policy';

export const POLICY_START = '<!-- policy-bench:start -->';
export const POLICY_END = '<!-- policy-bench:end -->';

const PREVIEW_GOAL_MS = 2_000;
const RESCORE_GOAL_S = 60;

const yes = (met: boolean) => (met ? 'yes' : '**no**');

export function renderPolicySection(cases: PolicyCase[], command: string, at: Date): string {
  const rows = cases.flatMap((c) => {
    const previewMet = c.preview.failures === 0 && c.preview.p50 < PREVIEW_GOAL_MS;
    const rescoreMet = c.rescore.left === 0 && c.rescore.seconds < RESCORE_GOAL_S;
    return [
      `| ${c.engine} | ${c.active.toLocaleString('en-US')} | \`POST /admin/policy/preview\` | ` +
        `p50 ${c.preview.p50} ms (max ${c.preview.max} ms; app CPU ${c.preview.cpuMs.toFixed(0)} ms each)` +
        `${c.preview.failures ? `, **${c.preview.failures} failed**` : ''} | < 2 s p50 | ${yes(previewMet)} |`,
      `| ${c.engine} | ${c.active.toLocaleString('en-US')} | re-score after \`PUT /admin/policy\` | ` +
        `${c.rescore.seconds.toFixed(1)} s, ${c.rescore.left} left on an older version, ` +
        `${c.rescore.levelChanges.toLocaleString('en-US')} level changes | < 60 s | ${yes(rescoreMet)} |`,
    ];
  });
  return [
    POLICY_START,
    '## Policy: preview and re-score at 100,000 active tickets',
    '',
    `Written by the policy case of \`npm run bench\` on ${at.toISOString()}. Every seeded ticket ` +
      'is made active; the candidate makes enterprise customers weigh more. The preview is timed ' +
      'over 7 requests one after another (after one warm-up), as an admin clicks "Preview"; the ' +
      're-score from the `PUT` until `GET /admin/policy` shows no re-score in progress (the ' +
      'background job starts within `POLICY_REFRESH_MS`, 2 s by default).',
    '',
    '| engine | active tickets | what | measured | goal | met |',
    '| --- | ---: | --- | --- | --- | --- |',
    ...rows,
    '',
    ...cases.map(
      (c) =>
        `- ${c.engine}: 1-minute load average ${c.load[0].toFixed(1)} before the case and ` +
        `${c.load[1].toFixed(1)} after it, on 2 cores shared with other people's builds and tests: ` +
        'the wall times include waiting for a core; the app CPU time per preview does not.',
    ),
    '',
    '```sh',
    command,
    '```',
    POLICY_END,
  ].join('\n');
}

/** Replaces the section between `start` and `end` markers of a document, or appends it. */
export function withSection(markdown: string, section: string, start: string, end: string) {
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from >= 0 && to > from) {
    return markdown.slice(0, from) + section + markdown.slice(to + end.length);
  }
  return `${markdown.trimEnd()}\n\n${section}\n`;
}

/** The marked section of `markdown`, or null. */
export function sectionOf(markdown: string, start: string, end: string): string | null {
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  return from >= 0 && to > from ? markdown.slice(from, to + end.length) : null;
}
