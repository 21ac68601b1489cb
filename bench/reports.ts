import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from '../apps/api/src/database/database-options';
import { AppProcess } from './app-process';
import type { BenchDatabase } from './bench-databases';
import { measure, type Load } from './load';
import { signIn } from './scenarios';

const DAY = 86_400_000;
/** Few connections: a report is a lead's page, not a hot path; p50 is what the issue asks. */
const REPORT_CONNECTIONS = 2;

export interface ReportsCase {
  engine: string;
  size: number;
  /** `from`–`to` of the 90-day summary read. */
  range: string;
  summary: Load;
  export: { rows: number; megabytes: number; seconds: number; idleMb: number; peakMb: number };
}

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Reads the whole export as a client would, counting records (header excluded). */
async function readExport(url: string, token: string) {
  const started = Date.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200 || !response.body) throw new Error(`export: ${response.status}`);
  let bytes = 0;
  let records = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    // Seeded titles hold no line breaks, so each CRLF ends one record.
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) records++;
  }
  return { rows: Math.max(0, records - 1), bytes, seconds: (Date.now() - started) / 1000 };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The reports at scale: the 90-day daily summary (p50 under load), then the whole table as CSV
 * with the app's resident memory before and during the stream.
 */
export async function runReportsCase(
  database: BenchDatabase,
  port: number,
  seconds: number,
): Promise<ReportsCase> {
  const db = new DataSource({
    ...buildDataSourceOptions(database.config.database),
    migrationsRun: false,
  });
  await db.initialize();
  const app = new AppProcess(port, database.env, database.config.auth.bcryptCost);
  try {
    await app.ready();
    const { token } = await signIn(app, db);
    // Idle means warm: the export's code has run once (on a filter that matches nothing).
    await readExport(`${app.baseUrl}/tickets/export.csv?status=all&q=no-such-ticket-title`, token);
    await pause(2_000);
    app.takeWindowMb();
    await pause(1_000);
    const idleMb = app.takeWindowMb();
    const exported = await readExport(`${app.baseUrl}/tickets/export.csv?status=all`, token);
    const peakMb = app.takeWindowMb();
    const to = utcDate(Date.now());
    const from = utcDate(Date.now() - 89 * DAY);
    const url = `${app.baseUrl}/reports/summary?from=${from}&to=${to}&bucket=day&tz=UTC`;
    await measure({ url, seconds: 2, token, connections: 1 });
    const summary = await measure({ url, seconds, token, connections: REPORT_CONNECTIONS });
    return {
      engine: database.engine,
      size: database.size,
      range: `${from} to ${to}`,
      summary,
      export: {
        rows: exported.rows,
        megabytes: exported.bytes / 1024 / 1024,
        seconds: exported.seconds,
        idleMb,
        peakMb,
      },
    };
  } finally {
    await app.stop();
    await db.destroy();
  }
}

const START = '<!-- reports-bench:start -->';
const END = '<!-- reports-bench:end -->';

/** Under 1 s p50, over answers that arrived: none arriving in the window is a miss, not 0 ms. */
const met = (load: Load) => load.rps > 0 && load.failures === 0 && load.p50 < 1000;

export function renderReportsSection(cases: ReportsCase[], command: string, at: Date): string {
  const rows = cases.map((c) => {
    const above = c.export.peakMb - c.export.idleMb;
    return (
      `| ${c.engine} | ${c.size.toLocaleString('en-US')} | ${c.summary.p50} | ${c.summary.p99} | ` +
      `${c.summary.rps.toFixed(1)} | ${met(c.summary) ? 'yes' : '**no**'} | ` +
      `${c.export.rows.toLocaleString('en-US')} | ${c.export.seconds.toFixed(1)} | ` +
      `${c.export.idleMb.toFixed(0)} → ${c.export.peakMb.toFixed(0)} (+${above.toFixed(0)}) | ` +
      `${above < 50 ? 'yes' : '**no**'} |`
    );
  });
  return [
    START,
    '## Reports at scale',
    '',
    `Written by the reports case of \`npm run bench\` on ${at.toISOString()}. The 90-day summary ` +
      `(\`GET /reports/summary?bucket=day&tz=UTC\`, ${REPORT_CONNECTIONS} connections) must answer ` +
      'under 1 s p50; the export of every ticket (`GET /tickets/export.csv?status=all`, read to ' +
      'the end by one client) must keep the app under 50 MB of resident memory above idle.',
    '',
    '| engine | tickets | summary p50 ms | p99 ms | req/s | < 1 s | CSV rows | CSV s | RSS MB idle → peak | < 50 MB above |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    ...cases.map(
      (c) =>
        `- ${c.engine}: summary over ${c.range}; CSV ${c.export.megabytes.toFixed(0)} MB` +
        `${c.summary.failures ? `; **${c.summary.failures} failed requests**` : ''}`,
    ),
    '',
    '```sh',
    command,
    '```',
    END,
  ].join('\n');
}

/** Replaces the reports section of a benchmarks document, or appends it. */
export function withReportsSection(markdown: string, section: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start >= 0 && end > start) {
    return markdown.slice(0, start) + section + markdown.slice(end + END.length);
  }
  return `${markdown.trimEnd()}\n\n${section}\n`;
}
