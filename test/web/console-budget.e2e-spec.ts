import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { ensureWebBuilt, ROOT, WEB_INDEX } from '../helpers/web-build';

const SHELL_BUDGET_BYTES = 150 * 1024;

/** The files a first visit loads: what index.html references (entry, preloads, CSS). */
function shellFiles(): string[] {
  const html = readFileSync(WEB_INDEX, 'utf8');
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
    ([, path]) => path,
  );
}

describe('the console build', () => {
  beforeAll(() => ensureWebBuilt(), 120_000);

  it('should keep the app shell under 150 KB of JS and CSS after gzip', () => {
    const files = shellFiles();
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    expect(files.some((file) => file.endsWith('.css'))).toBe(true);
    const sizes = files.map((file) => gzipSync(readFileSync(join(ROOT, 'dist/web', file))).length);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(total).toBeLessThan(SHELL_BUDGET_BYTES);
  });

  it('should load the ticket and new-ticket pages on demand, not in the shell', () => {
    const shell = shellFiles().join(' ');
    expect(shell).not.toMatch(/ticket-page|new-ticket-page/);
  });

  it('should load the Reports page and the chart library only on the Reports page', () => {
    const shell = shellFiles();
    expect(shell.join(' ')).not.toMatch(/reports-page|uPlot/i);
    // Nor bundled into the shell's own script: uPlot's class name stays out of the entry.
    const entry = shell.find((file) => file.endsWith('.js'))!;
    expect(readFileSync(join(ROOT, 'dist/web', entry), 'utf8')).not.toMatch(/uplot-|u-legend/);
  });
});
