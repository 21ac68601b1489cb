import Database from 'better-sqlite3';
import { cpus, loadavg, release, totalmem } from 'node:os';

import { PRODUCTION_NODE_FLAGS } from './app-process';
import type { Engine } from './bench-databases';
import type { InsertCeiling } from './ceilings';
import { CONNECTIONS, type Load } from './load';
import { LOGIN_CONNECTIONS, PAGE_SIZE, type Scenario } from './scenarios';

export interface Ceilings {
  bareHttp: Load;
  bcryptPerSecond: number;
  bcryptCost: number;
  inserts: Partial<Record<Engine, InsertCeiling>>;
}

export interface ReportInput {
  scenarios: Scenario[];
  ceilings: Ceilings;
  seeding: { engine: Engine; size: number; seconds: number; reused: boolean }[];
  skipped: string[];
  seconds: number;
  totalSeconds: number;
}

const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const size = (count: number) => (count >= 1_000_000 ? `${count / 1_000_000}M` : `${count / 1000}k`);
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

function machine(): string[] {
  const cpu = cpus();
  const sqlite = new Database(':memory:');
  const version = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
  sqlite.close();
  return [
    `- CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length} (shared with other work; load average at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')})`,
    `- Memory: ${n(totalmem() / 1024 ** 3, 1)} GiB; Linux ${release()}; Node ${process.version}; SQLite ${version} (better-sqlite3, WAL, synchronous=NORMAL)`,
  ];
}

function resultsTable(scenarios: Scenario[]): string[] {
  const lines = [
    row(['engine', 'tickets', 'endpoint', 'req/s', 'p50 ms', 'p99 ms', 'failures']),
    row(['---', '---:', '---', '---:', '---:', '---:', '---:']),
  ];
  for (const s of scenarios) {
    const entries: [string, Load | undefined][] = [
      [`GET /tickets first page (limit ${PAGE_SIZE})`, s.firstPage],
      [`GET /tickets page ${n(s.deepPage)} by cursor`, s.deepCursor],
      [`GET /tickets?page=${s.deepPage} (offset)`, s.deepOffset],
      ['POST /tickets', s.post],
      [`POST /auth/login (${LOGIN_CONNECTIONS} connections)`, s.login],
      ['GET /health during the login flood (1 connection)', s.healthDuringLogin],
    ];
    for (const [name, load] of entries) {
      if (!load) continue;
      lines.push(
        row([s.engine, size(s.size), name, n(load.rps), load.p50, load.p99, load.failures]),
      );
    }
  }
  return lines;
}

interface Target {
  name: string;
  measured: string;
  reference: string;
  ratio: number;
  target: string;
  met: boolean;
}

function targets(input: ReportInput): Target[] {
  const { scenarios, ceilings } = input;
  const find = (engine: string, count: number) =>
    scenarios.find((s) => s.engine === engine && s.size === count);
  const list: Target[] = [];
  const sizes = [...new Set(scenarios.map((s) => s.size))].sort((a, b) => a - b);
  const [small, large] = [sizes[0], sizes.at(-1)!];
  for (const engine of [...new Set(scenarios.map((s) => s.engine))]) {
    const low = find(engine, small);
    const high = find(engine, large);
    if (low && engine === 'sqlite') {
      const ratio = low.post.rps / ceilings.bareHttp.rps;
      list.push({
        name: `POST /tickets vs bare node:http (${engine}, ${size(small)})`,
        measured: `${n(low.post.rps)} req/s`,
        reference: `${n(ceilings.bareHttp.rps)} req/s`,
        ratio,
        target: '≥ 10 %',
        met: ratio >= 0.1,
      });
    }
    const insert = ceilings.inserts[engine as Engine];
    if (low && insert) {
      const ratio = low.post.rps / insert.creation;
      list.push({
        name: `POST /tickets vs bare creation transaction loop (${engine}, ${size(small)})`,
        measured: `${n(low.post.rps)} req/s`,
        reference: `${n(insert.creation)} ticket+event+outbox tx/s (ticket row alone: ${n(insert.ticketOnly)}/s)`,
        ratio,
        target: '≥ 50 %',
        met: ratio >= 0.5,
      });
    }
    if (low) {
      const ratio = low.firstPage.rps / ceilings.bareHttp.rps;
      list.push({
        name: `GET /tickets first page vs bare node:http (${engine}, ${size(small)})`,
        measured: `${n(low.firstPage.rps)} req/s`,
        reference: `${n(ceilings.bareHttp.rps)} req/s`,
        ratio,
        target: '≥ 15 %',
        met: ratio >= 0.15,
      });
    }
    if (low && high && low !== high) {
      const ratio = high.firstPage.p50 / Math.max(low.firstPage.p50, 1);
      list.push({
        name: `first page p50, ${size(large)} vs ${size(small)} (${engine})`,
        measured: `${high.firstPage.p50} ms`,
        reference: `${low.firstPage.p50} ms`,
        ratio,
        target: '≤ 1.5x',
        met: ratio <= 1.5,
      });
    }
    if (high) {
      const ratio = high.deepCursor.p50 / Math.max(high.firstPage.p50, 1);
      list.push({
        name: `page ${n(high.deepPage)} by cursor vs first page, p50 (${engine}, ${size(large)})`,
        measured: `${high.deepCursor.p50} ms`,
        reference: `${high.firstPage.p50} ms`,
        ratio,
        target: '≤ 2x',
        met: ratio <= 2,
      });
    }
    if (low?.login && low.healthDuringLogin) {
      const bcryptRate = low.bcryptPerSecond ?? ceilings.bcryptPerSecond;
      const ratio = low.login.rps / bcryptRate;
      list.push({
        name: `POST /auth/login vs raw bcrypt, cost ${ceilings.bcryptCost} (${engine})`,
        measured: `${n(low.login.rps, 1)} req/s`,
        reference: `${n(bcryptRate, 1)} compares/s (raw, measured just before)`,
        ratio,
        target: '≥ 80 %',
        met: ratio >= 0.8,
      });
      const p99 = low.healthDuringLogin.p99;
      list.push({
        name: `GET /health p99 during the login flood (${engine})`,
        measured: `${p99} ms`,
        reference: '50 ms',
        ratio: p99 / 50,
        target: '< 50 ms',
        met: p99 < 50,
      });
    }
  }
  const sqliteStarts = scenarios.filter((s) => s.engine === 'sqlite');
  if (sqliteStarts.length > 0) {
    const ready = Math.max(...sqliteStarts.map((s) => s.readySeconds));
    list.push({
      name: 'ready to serve after start (sqlite, slowest start of the run)',
      measured: `${n(ready, 2)} s`,
      reference: '3 s',
      ratio: ready / 3,
      target: '< 3 s',
      met: ready < 3,
    });
  }
  const rss = Math.max(...scenarios.map((s) => s.maxRssMb));
  list.push({
    name: 'resident memory of the app at saturation (max over all runs)',
    measured: `${n(rss)} MB`,
    reference: '250 MB',
    ratio: rss / 250,
    target: '< 250 MB',
    met: rss < 250,
  });
  return list;
}

/**
 * The original system's load shape, quoted from issue #17 (wrk, 32 connections, 8 s, medians of
 * 3, measured in one sitting on this machine; the Flask code is not in this repository).
 */
const QUOTED = { flaskPost: 658, flaskPage: 386, oursPost: 1373, oursPage: 1826, bare: 73_500 };

function flaskComparison(input: ReportInput): string[] {
  const bare = input.ceilings.bareHttp.rps;
  const sizes = input.scenarios.map((s) => s.size);
  const lines = [
    '## Against the original system (quoted figures)',
    '',
    'The Flask system was measured once, in the sitting quoted by issue #17 (wrk, 32 connections, ' +
      `8 s, medians of 3): it is not in this repository and is not re-measured. Ours are this run's (${CONNECTIONS} connections, autocannon); ` +
      'the share of the bare `node:http` server of the same sitting makes the two machines comparable.',
    '',
    row([
      'endpoint',
      'Flask (quoted)',
      'ours then (quoted)',
      'ours now',
      'now vs Flask',
      'share of bare node:http then → now',
    ]),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const s of input.scenarios.filter((s) => s.size === Math.min(...sizes))) {
    const cells = (name: string, flask: number, then: number, now: number) =>
      row([
        `${name} (${s.engine}, ${size(s.size)})`,
        `${n(flask)} req/s`,
        `${n(then)} req/s`,
        `${n(now)} req/s`,
        `${n(now / flask, 1)}x`,
        `${n((then / QUOTED.bare) * 100, 1)} % → ${n((now / bare) * 100, 1)} %`,
      ]);
    lines.push(cells('POST /tickets', QUOTED.flaskPost, QUOTED.oursPost, s.post.rps));
    lines.push(
      cells('GET /tickets first page', QUOTED.flaskPage, QUOTED.oursPage, s.firstPage.rps),
    );
  }
  return [
    ...lines,
    '',
    `Bare \`node:http\` then: ${n(QUOTED.bare)} req/s; in this run: ${n(bare)} req/s.`,
    '',
  ];
}

export function renderReport(input: ReportInput): string {
  const goals = targets(input);
  const { ceilings } = input;
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString()} (whole run ${n(input.totalSeconds / 60, 1)} min). ` +
      `Every figure and its ceiling come from the same run (the three page reads take turns in 2 s slices so they share the background load): autocannon, ${CONNECTIONS} connections (login: ${LOGIN_CONNECTIONS}, for twice as long), ${input.seconds} s per figure, ` +
      `the built app in a child process started as \`npm run start:prod\` starts it (\`node ${PRODUCTION_NODE_FLAGS.join(' ')}\`, read from package.json), with \`NODE_ENV=production\`, \`LOG_LEVEL=warn\`, \`RATE_LIMIT_ENABLED=false\`, and one webhook subscribed to \`ticket.created\` (so each creation writes its outbox row; the relay is off, \`WEBHOOK_RELAY_INTERVAL_MS=0\`). ` +
      'Each app is measured once it has caught up with the SLA checks and re-scores due at its start; between two page turns the bench waits until the app answers `/health/live` within 50 ms.',
    '',
    '## Machine',
    '',
    ...machine(),
    '',
    '## Targets',
    '',
    row(['target', 'measured', 'ceiling / reference', 'ratio', 'goal', 'met']),
    row(['---', '---:', '---:', '---:', '---', '---']),
    ...goals.map((g) =>
      row([
        g.name,
        g.measured,
        g.reference,
        `${n(g.ratio * 100, 1)} %`,
        g.target,
        g.met ? 'yes' : '**no**',
      ]),
    ),
    '',
    '## Every figure',
    '',
    ...resultsTable(input.scenarios),
    '',
    '## Ceilings (same run)',
    '',
    `- bare \`node:http\` server, POST of the same body: ${n(ceilings.bareHttp.rps)} req/s (p50 ${ceilings.bareHttp.p50} ms)`,
    `- raw \`bcrypt.compare\` at cost ${ceilings.bcryptCost}, ${CONNECTIONS} at once (${LOGIN_CONNECTIONS} at once just before each login flood, like the flood itself): ${n(ceilings.bcryptPerSecond, 1)}/s at the end of the run; ${input.scenarios
      .filter((s) => s.bcryptPerSecond)
      .map((s) => `${n(s.bcryptPerSecond!, 1)}/s just before the ${s.engine} login flood`)
      .join(', ')}`,
    ...Object.entries(ceilings.inserts).map(
      ([engine, c]) =>
        `- bare creation loop on ${engine} (same driver; ${CONNECTIONS} concurrent workers on MySQL): ticket + created event + webhook read + outbox row in one transaction ${n(c.creation)}/s; ticket row alone, autocommit ${n(c.ticketOnly)}/s`,
    ),
    '',
    ...flaskComparison(input),
    '## Start-up',
    '',
    ...input.scenarios.map(
      (s) =>
        `- ${s.engine}, ${size(s.size)}: healthy ${n(s.readySeconds, 2)} s after the spawn; due SLA checks and re-scores caught up ${n(s.catchUpSeconds, 0)} s later (measured only after that)`,
    ),
    '',
    '## Resident memory of the app, peak per phase (MB)',
    '',
    ...input.scenarios.map(
      (s) =>
        `- ${s.engine}, ${size(s.size)}: ${Object.entries(s.rssByPhase)
          .map(([name, mb]) => `${name} ${mb}`)
          .join(', ')}`,
    ),
    '',
    '## Data',
    '',
    ...input.seeding.map(
      (s) =>
        `- ${s.engine}, ${size(s.size)} tickets: ${s.reused ? 'reused from an earlier run' : `seeded in ${n(s.seconds)} s`}`,
    ),
    ...input.skipped.map((s) => `- skipped: ${s}`),
    '',
    '## Command',
    '',
    '```sh',
    'BENCH_CASES=queue BENCH_MYSQL_URL=mysql://user:pass@127.0.0.1:3306/tps_dev npm run bench',
    '# where the time goes: BENCH_ENGINES=sqlite PROFILE_CASES=post,list,start npm run bench:profile',
    '# knobs: BENCH_ENGINES=sqlite,mysql BENCH_SIZES=10000,1000000 BENCH_SECONDS=8 BENCH_MYSQL_URL=...',
    '```',
    '',
  ].join('\n');
}
