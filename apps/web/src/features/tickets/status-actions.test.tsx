import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { Ticket } from '../../api/types';
import { renderWithProviders, stubFetch } from '../../test/render';
import { StatusActions } from './status-actions';

const ticket = { id: 42, status: 'open', title: 'Checkout' } as Ticket;

describe(StatusActions.name, () => {
  it('should offer the allowed next statuses as buttons and confirm a move', async () => {
    const calls = stubFetch([200, { ...ticket, status: 'in_progress' }], [200, {}]);
    renderWithProviders(<StatusActions ticket={ticket} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start work' }));
    expect(await screen.findByText('Ticket 42 is now in progress.')).toBeTruthy();
    expect(calls[0].method).toBe('PATCH');
    expect(await calls[0].json()).toEqual({ status: 'in_progress' });
  });

  it('should say in words what a 409 means', async () => {
    stubFetch(
      [
        409,
        {
          status: 409,
          title: 'Conflict',
          detail: 'A in_progress ticket can move to resolved, not in_progress.',
        },
      ],
      [200, { ...ticket, status: 'in_progress' }],
    );
    renderWithProviders(<StatusActions ticket={ticket} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start work' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ticket 42 is already in progress.',
    );
  });
});
