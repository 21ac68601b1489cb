import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { PolicyVersion } from '../../api/types';
import { ACTIVE, ADMIN } from '../../test/policy-fixtures';
import { renderWithProviders, signedInSession, stubFetch } from '../../test/render';
import { PolicyVersions } from './policy-versions';

const version = (n: number): PolicyVersion => ({
  version: n,
  weights: ACTIVE.weights,
  sla: ACTIVE.sla,
  created_at: ACTIVE.created_at,
  created_by: null,
  reason: `Version ${n} of the policy.`,
  based_on: null,
});

/** Versions `from` down to `to`, newest first. */
const range = (from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, i) => version(from - i));

describe(PolicyVersions.name, () => {
  it('should load the versions past the first 100 a page at a time', async () => {
    const active = { ...ACTIVE, version: 205 };
    const calls = stubFetch(
      [200, { versions: range(205, 106), page: 1, limit: 100, total: 205 }],
      // Version 206 was saved meanwhile: page 2 starts with one already shown.
      [200, { versions: range(106, 7), page: 2, limit: 100, total: 206 }],
      [200, { versions: range(7, 1), page: 3, limit: 100, total: 206 }],
    );
    renderWithProviders(<PolicyVersions active={active} />, signedInSession(ADMIN));
    const table = await screen.findByRole('table', { name: 'Policy versions' });
    // Row headers by selector: role queries over 200 rows are slow in jsdom.
    const shown = () => Array.from(table.querySelectorAll('tbody th'), (th) => th.textContent);
    expect(shown()).toHaveLength(100);
    expect(screen.getByRole('status').textContent).toBe('100 of 205 versions shown');

    await userEvent.click(screen.getByRole('button', { name: 'Load older versions' }));
    await screen.findByText('199 of 206 versions shown');
    await userEvent.click(screen.getByRole('button', { name: 'Load older versions' }));
    await screen.findByText('205 of 206 versions shown');
    expect(shown()).toEqual(range(205, 1).map((v) => `v${v.version}`));
    expect(screen.queryByRole('button', { name: 'Load older versions' })).toBeNull();
    expect(calls.map((c) => new URL(c.url).search)).toEqual([
      '?page=1&limit=100',
      '?page=2&limit=100',
      '?page=3&limit=100',
    ]);
  }, 30_000);

  it('should offer no more pages when the first holds them all', async () => {
    stubFetch([200, { versions: range(3, 1), page: 1, limit: 100, total: 3 }]);
    renderWithProviders(
      <PolicyVersions active={{ ...ACTIVE, version: 3 }} />,
      signedInSession(ADMIN),
    );
    expect(await screen.findByText('3 of 3 versions shown')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load older versions' })).toBeNull();
  });
});
