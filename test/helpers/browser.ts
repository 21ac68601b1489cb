import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Flags for Debian's Chromium in a container: no sandbox, no GPU, no phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

/** The `chromium` package's binary (or `CHROMIUM_PATH`), or undefined when there is none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
    return found && existsSync(found) ? found : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `describe` when Chromium exists; otherwise says so loudly and skips, so a machine without a
 * browser reports these tests as skipped, never as passed. `enabled: false` skips quietly (for
 * suites run on request only, such as the screenshots).
 */
export function describeWithChromium(
  name: string,
  body: (executablePath: string) => void,
  { enabled = true } = {},
) {
  const executablePath = findChromium();
  if (!enabled) {
    describe.skip(name, () => body(''));
    return;
  }
  if (!executablePath) {
    console.warn(
      `\n*** ${name}: NO CHROMIUM FOUND (install the Debian "chromium" package or set ` +
        'CHROMIUM_PATH). These browser tests are SKIPPED, not passed. ***\n',
    );
    describe.skip(name, () => body(''));
    return;
  }
  describe(name, () => body(executablePath));
}

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh, throwaway profile (`--user-data-dir`). */
export async function launchBrowser(
  executablePath: string,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'tps-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: LAPTOP,
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const FAILED_RESOURCE = /Failed to load resource: the server responded with a status of (\d{3})/;

/** Console errors and uncaught exceptions of one page, as they happen. */
export class ConsoleWatcher {
  readonly errors: string[] = [];

  constructor(page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
  }

  /**
   * Errors other than Chromium's own note about an HTTP status the test provoked on purpose
   * (a 401 or a 400 is logged by the browser, not by the page).
   */
  unexpected(expectedStatuses: number[] = []): string[] {
    return this.errors.filter((text) => {
      const status = FAILED_RESOURCE.exec(text)?.[1];
      return !(status && expectedStatuses.includes(Number(status)));
    });
  }
}
