import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';

import { describeWithChromium } from '../helpers/browser';
import {
  createTicket,
  createUser,
  on,
  signIn,
  startConsole,
  stopConsole,
  watchedPage,
  type ConsoleHarness,
} from './console-support';

jest.setTimeout(90_000);

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it is; serious and critical findings, described. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP forbids inline scripts.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

describeWithChromium(
  'the console meets WCAG checks (axe-core) in both colour schemes',
  (executablePath) => {
    let harness: ConsoleHarness;

    beforeAll(async () => {
      harness = await startConsole(executablePath);
    }, 180_000);

    afterAll(() => stopConsole(harness));

    it.each(['light', 'dark'] as const)(
      'should have no serious violation on any page in %s',
      async (scheme) => {
        const { page } = await watchedPage(harness);
        await page.emulateMedia({ colorScheme: scheme });
        const base = harness.testApp.baseUrl;
        const ui = on(page);
        const { token } = await createUser(harness);
        const { username: agent } = await createUser(harness, 'agent');
        const ticket = await createTicket(harness, token, {
          title: 'Accessible ticket',
          issue_type: 'critical',
        });
        const found: Record<string, string[]> = {};
        const check = async (name: string) => (found[name] = await seriousViolations(page));

        await page.goto(`${base}/signin`);
        await ui.heading('Sign in').waitFor();
        await check('sign in');
        await ui.button('Create an account').click();
        await ui.heading('Create account').waitFor();
        await check('register');
        await page.goto(`${base}/no/such/page`);
        await ui.heading('Page not found').waitFor();
        await check('not found');

        await signIn(page, base, agent);
        await ui.table().waitFor();
        await check('queue');
        await ui.link('New ticket').click();
        await page.getByLabel('Affected users').fill('12');
        await ui.button('Create ticket').click();
        await ui.heading('Ticket created').waitFor();
        await check('new ticket with its result');
        await ui.link(`Open ticket #${ticket.id + 1}`).click();
        await ui.button('Start work').click();
        await page.getByText('is now in progress').waitFor();
        await check('ticket with actions and history');
        await page.getByLabel('Message').fill('Looking into it.');
        await ui.button('Send reply').click();
        await page.getByText('Reply sent.').waitFor();
        await ui.button('Override priority').click();
        await page.getByRole('dialog', { name: 'Override priority' }).waitFor();
        await check('override dialog');
        await page.keyboard.press('Escape');
        await ui.link('My tickets').click();
        await ui.heading('My tickets').waitFor();
        await page.getByRole('switch', { name: 'Available for new work' }).waitFor();
        await check('my tickets');
        await ui.link('Agents').click();
        await ui.heading('Agents').waitFor();
        await page.getByRole('table', { name: 'Agents' }).waitFor();
        await check('agents');
        await page.close();

        expect(found).toEqual({
          'sign in': [],
          register: [],
          'not found': [],
          queue: [],
          'new ticket with its result': [],
          'ticket with actions and history': [],
          'override dialog': [],
          'my tickets': [],
          agents: [],
        });
      },
    );
  },
);
