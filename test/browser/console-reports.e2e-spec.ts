import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';

import { describeWithChromium, type ConsoleWatcher } from '../helpers/browser';
import { csvObjects } from '../reports/csv-parse';
import {
  createUser,
  on,
  signIn,
  startConsole,
  stopConsole,
  watchedPage,
  type ConsoleHarness,
} from './console-support';

jest.setTimeout(60_000);

/** Levels at creation: critical+enterprise+150 = P1, major+paid+50 = P2, minor+free+5 = P3. */
const P1 = { issue_type: 'critical', impact: 150, customer_type: 'enterprise' } as const;
const P2 = { issue_type: 'major', impact: 50, customer_type: 'paid' } as const;
const P3 = { issue_type: 'minor', impact: 5, customer_type: 'free' } as const;
const RANGE = '/reports?from=2026-03-28&to=2026-03-31&bucket=day&tz=UTC';

describeWithChromium('the Reports page in Chromium', (executablePath) => {
  let harness: ConsoleHarness;
  let agent: string;
  let page: Page;
  let watcher: ConsoleWatcher;

  beforeAll(async () => {
    harness = await startConsole(executablePath);
    const admin = await createUser(harness, 'admin');
    agent = (await createUser(harness, 'agent', 'reports.agent')).username;
    const history = [
      { ...P2, title: 'A', created_at: '2026-03-28T12:00:00.000Z' },
      {
        ...P3,
        title: 'D',
        created_at: '2026-03-28T08:00:00.000Z',
        resolved_at: '2026-03-30T08:00:00.000Z',
        closed_at: '2026-03-30T09:00:00.000Z',
        status: 'closed',
      },
      {
        ...P1,
        title: 'C',
        created_at: '2026-03-29T10:00:00.000Z',
        first_response_at: '2026-03-29T10:30:00.000Z',
        resolved_at: '2026-03-29T14:00:00.000Z',
        status: 'resolved',
        assignee: agent,
      },
      { ...P2, title: '=cmd|calc', created_at: '2026-03-30T06:00:00.000Z' },
    ];
    const imported = await harness.http.post(
      '/tickets/import',
      { tickets: history },
      { token: admin.token },
    );
    if (imported.status !== 201) throw new Error(`import: ${imported.text}`);
  }, 180_000);

  afterAll(() => stopConsole(harness));

  beforeEach(async () => {
    ({ page, watcher } = await watchedPage(harness));
    await signIn(page, harness.testApp.baseUrl, agent);
  });

  afterEach(async () => {
    await page.close();
    const unexpected = watcher.unexpected();
    if (unexpected.length > 0) throw new Error(`Console errors:\n${unexpected.join('\n')}`);
  });

  const table = (name: string) => page.getByRole('table', { name });
  const cells = (tableName: string, row: string) =>
    table(tableName)
      .getByRole('row', { name: new RegExp(`^${row}\\b`) })
      .getByRole('cell')
      .allTextContents();

  it('should draw every chart with its table of the imported figures', async () => {
    await on(page).link('Reports').click();
    await on(page).heading('Reports').waitFor();
    await page.goto(`${harness.testApp.baseUrl}${RANGE}`);
    await table('Created and resolved per day').waitFor();
    await page.locator('.report-chart canvas').nth(4).waitFor();
    expect(await page.locator('figure').count()).toBe(5);
    expect(await page.locator('.report-chart canvas').count()).toBe(5);
    // Created P0–P3, then resolved P0–P3.
    expect(await cells('Created and resolved per day', '2026-03-28')).toEqual([
      '0',
      '0',
      '1',
      '1',
      '0',
      '0',
      '0',
      '0',
    ]);
    expect(await cells('Created and resolved per day', '2026-03-29')).toEqual([
      '0',
      '1',
      '0',
      '0',
      '0',
      '1',
      '0',
      '0',
    ]);
    expect(await cells('Created and resolved per day', '2026-03-30')).toEqual([
      '0',
      '0',
      '1',
      '0',
      '0',
      '0',
      '0',
      '1',
    ]);
    expect(await cells('Backlog at the end of each day', '2026-03-31')).toEqual([
      '0',
      '0',
      '2',
      '0',
      '2',
    ]);
    expect(await cells('Resolution minutes per level', 'P1')).toEqual(['240', '240']);
    expect(await cells('Resolution minutes per level', 'P3')).toEqual(['2880', '2880']);
    expect(await cells('First response minutes per level', 'P1')).toEqual(['30', '30']);
    const agentRow = await cells(
      'Agents: tickets created in the range and assigned to them',
      agent,
    );
    expect(agentRow.slice(0, 4)).toEqual(['1', '1', '240', '1']);
    await page.getByText('4 tickets created, 2 resolved in the range.', { exact: false }).waitFor();
  });

  it('should ask again when the bucket or the zone changes', async () => {
    await page.goto(`${harness.testApp.baseUrl}${RANGE}`);
    await table('Created and resolved per day').waitFor();
    const weekly = page.waitForRequest(
      (r) => r.url().includes('/reports/summary?') && r.url().includes('bucket=week'),
    );
    await page.getByLabel('Bucket', { exact: true }).selectOption('week');
    await weekly;
    await table('Created and resolved per week').waitFor();
    // Saturday 28th to Sunday 29th (cut to the range), then the week from Monday 30th.
    expect(await cells('Created and resolved per week', '2026-03-28')).toEqual([
      '0',
      '1',
      '1',
      '1',
      '0',
      '1',
      '0',
      '0',
    ]);
    const berlin = page.waitForRequest(
      (r) => r.url().includes('/reports/summary?') && r.url().includes('tz=Europe%2FBerlin'),
    );
    await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/Berlin');
    await berlin;
    expect(new URL(page.url()).searchParams.get('tz')).toBe('Europe/Berlin');
  });

  it('should download the CSV of the queue filters, from the queue and from Reports', async () => {
    await page.goto(`${harness.testApp.baseUrl}/?status=open`);
    await on(page).heading('Queue').waitFor();
    const rowsOf = async (button: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        on(page).button(button).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^tickets-\d{4}-\d{2}-\d{2}\.csv$/);
      return csvObjects(readFileSync(await download.path(), 'utf8'));
    };
    const fromQueue = await rowsOf('Export CSV');
    expect(fromQueue.map((row) => row.title).sort()).toEqual(["'=cmd|calc", 'A']);
    expect(fromQueue.every((row) => row.status === 'open')).toBe(true);
    await on(page).link('Reports').click();
    await page.getByText('Export: the queue with status open.').waitFor();
    const fromReports = await rowsOf('Export queue (CSV)');
    expect(fromReports).toEqual(fromQueue);
  });
});
