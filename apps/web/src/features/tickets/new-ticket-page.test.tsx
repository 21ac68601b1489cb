import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { AGENT, renderWithProviders, signedInSession, stubFetch } from '../../test/render';
import NewTicketPage from './new-ticket-page';

describe('NewTicketPage', () => {
  it('should keep the draft across a remount (a forced sign-in) and clear it once sent', async () => {
    const first = renderWithProviders(<NewTicketPage />);
    await userEvent.type(screen.getByLabelText('Title'), 'Half typed');
    await userEvent.type(screen.getByLabelText('Affected users'), '12');
    first.unmount();

    renderWithProviders(<NewTicketPage />);
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Half typed');
    const breakdown = [{ factor: 'issue_type', input: 'major', points: 3 }];
    stubFetch([201, { id: 5, priority_level: 'P2', priority_score: 3, breakdown }], [200, {}]);
    await userEvent.click(screen.getByRole('button', { name: 'Create ticket' }));
    expect(await screen.findByRole('heading', { name: 'Ticket created' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Why this priority' }).textContent).toContain(
      'Issue type',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('');
    expect(sessionStorage.getItem('tps.draft.new-ticket')).not.toContain('Half typed');
  });

  it('should show the field messages of a refused ticket next to their field', async () => {
    stubFetch([
      400,
      {
        status: 400,
        title: 'Bad Request',
        detail: 'Validation failed.',
        errors: [{ field: 'title', messages: ['title is bad'] }],
      },
    ]);
    renderWithProviders(<NewTicketPage />);
    await userEvent.type(screen.getByLabelText('Affected users'), '3');
    await userEvent.click(screen.getByRole('button', { name: 'Create ticket' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Validation failed.');
    expect(await screen.findByText('title is bad')).toBeTruthy();
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
  });

  it('should show a reporter of an organisation its tier and leave it to the API', async () => {
    const reporter = {
      ...AGENT,
      role: 'reporter' as const,
      organization: { id: 3, name: 'Acme Corp', customer_type: 'enterprise' as const },
    };
    renderWithProviders(<NewTicketPage />, signedInSession(reporter));
    expect(screen.queryByRole('combobox', { name: 'Customer type' })).toBeNull();
    expect(screen.getByText('Set by your organisation, Acme Corp.')).toBeTruthy();
    expect(screen.getByText('enterprise', { selector: 'output' })).toBeTruthy();
    const calls = stubFetch([
      201,
      { id: 6, priority_level: 'P2', priority_score: 7, breakdown: [] },
    ]);
    await userEvent.type(screen.getByLabelText('Affected users'), '4');
    await userEvent.click(screen.getByRole('button', { name: 'Create ticket' }));
    expect(await screen.findByRole('heading', { name: 'Ticket created' })).toBeTruthy();
    const sent = (await calls[0].json()) as Record<string, unknown>;
    expect(sent).toEqual({ issue_type: 'major', impact: 4 });
  });
});
