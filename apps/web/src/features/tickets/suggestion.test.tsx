import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { renderWithProviders, stubFetch } from '../../test/render';
import { IssueTypeSuggestion, percent } from './suggestion';

const suggestion = {
  issue_type: {
    value: 'critical',
    confidence: 0.861,
    alternatives: [
      { value: 'major', confidence: 0.1 },
      { value: 'minor', confidence: 0.039 },
    ],
  },
  evidence: [
    { term: 'outage', weight: 2.1 },
    { term: 'crash', weight: 1.4 },
  ],
  model: {
    version: 1,
    trained_at: '2026-12-01T00:00:00.000Z',
    examples: 250,
    holdout_accuracy: 0.93,
  },
};

describe(IssueTypeSuggestion.name, () => {
  it('should offer the suggestion as a one-click choice', async () => {
    const calls = stubFetch([200, suggestion]);
    const onAccept = vi.fn();
    renderWithProviders(
      <IssueTypeSuggestion
        title="Down"
        description="Outage: every page crashes"
        chosen="major"
        onAccept={onAccept}
      />,
    );
    expect((await screen.findByRole('status', {}, { timeout: 3000 })).textContent).toBe('');
    await screen.findByText(/Suggested:/, {}, { timeout: 3000 });
    expect(screen.getByRole('status').textContent).toMatch(/^Suggested: critical, 86 %/);
    await userEvent.click(screen.getByRole('button', { name: 'Use critical' }));
    expect(onAccept).toHaveBeenCalledWith('critical');
    expect(await calls[0].json()).toEqual({
      title: 'Down',
      description: 'Outage: every page crashes',
    });
  });

  it('should not ask for a short description, and stay silent without a model (404)', async () => {
    const calls = stubFetch([404, { status: 404, title: 'Not Found', detail: 'No model yet' }]);
    const first = renderWithProviders(
      <IssueTypeSuggestion title="" description="short" chosen="major" onAccept={vi.fn()} />,
    );
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(calls).toHaveLength(0);
    first.unmount();
    renderWithProviders(
      <IssueTypeSuggestion
        title=""
        description="A description long enough"
        chosen="major"
        onAccept={vi.fn()}
      />,
    );
    await expect.poll(() => calls.length, { timeout: 3000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByRole('status').textContent).toBe('');
    expect(percent(0.5)).toBe('50 %');
  });
});
