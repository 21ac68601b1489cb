import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { LearnedWeights, PolicyPreview } from '../../api/types';
import { ACTIVE, ADMIN, WEIGHTS } from '../../test/policy-fixtures';
import { renderWithProviders, signedInSession, stubFetch } from '../../test/render';
import PolicyPage from './policy-page';

const preview: PolicyPreview = {
  tickets_considered: 2,
  level_changes: { 'P2->P1': 1 },
  unchanged: 1,
  top_movers: [],
  first_page_before: [1, 2],
  first_page_after: [2, 1],
  sla_breached_before: 0,
  sla_breached_after: 0,
};

const learned: LearnedWeights = {
  proposed_weights: { ...WEIGHTS, issueType: { critical: 7, major: 3, minor: 1 } },
  labels_used: 100,
  holdout_labels: 20,
  agreement_before: 0.62,
  agreement_after: 0.97,
  changed: [{ weight: 'issueType.critical', from: 5, to: 7 }],
  preview,
};

describe(PolicyPage.name, () => {
  it('should fill the form with the learned weights, activate nothing, and preview them', async () => {
    const versions = { versions: [ACTIVE], page: 1, limit: 100, total: 1 };
    const calls = stubFetch([200, ACTIVE], [200, versions], [200, learned], [200, preview]);
    renderWithProviders(<PolicyPage />, signedInSession(ADMIN));
    const critical = await screen.findByLabelText<HTMLInputElement>('Issue type critical');
    expect(critical.value).toBe('5');
    expect(await screen.findByRole('table', { name: 'Policy versions' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Learn from corrections' }));
    await screen.findByText(/62 % now, 97 % with the proposal/);
    expect(screen.getByRole('list', { name: 'Changed weights' }).textContent).toBe(
      'issueType.critical: 5 → 7',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Use as draft' }));
    expect(screen.getByLabelText<HTMLInputElement>('Issue type critical').value).toBe('7');
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([
      'GET /admin/policy',
      'GET /admin/policy/versions',
      'POST /admin/policy/learn',
    ]);

    await userEvent.clear(screen.getByLabelText('P1 first response minutes'));
    await userEvent.type(screen.getByLabelText('P1 first response minutes'), '30');
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('region', { name: 'Preview' });
    const body = (await calls[3].json()) as typeof ACTIVE;
    expect(calls[3].url).toMatch(/\/admin\/policy\/preview$/);
    expect(body.weights.issueType.critical).toBe(7);
    expect(body.sla.targets.P1.first_response_minutes).toBe(30);
    expect(body.sla.calendars).toEqual(ACTIVE.sla.calendars);
  });

  it('should show a re-score in progress as a progress bar', async () => {
    const rescore = { version: 1, done: 40, total: 100, started_at: ACTIVE.created_at };
    const versions = { versions: [ACTIVE], page: 1, limit: 100, total: 1 };
    stubFetch([200, { ...ACTIVE, rescore }], [200, versions]);
    renderWithProviders(<PolicyPage />, signedInSession(ADMIN));
    const bar = await screen.findByRole('progressbar', {
      name: 'Re-scoring with version 1: 40 of 100',
    });
    expect(bar.getAttribute('value')).toBe('40');
    expect(bar.getAttribute('max')).toBe('100');
  });
});
