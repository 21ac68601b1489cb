import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { renderWithProviders, stubFetch } from '../../test/render';
import { ClaimNext } from './claim-next';

describe(ClaimNext.name, () => {
  it('should say so when there is nothing to claim (204)', async () => {
    const calls = stubFetch([204, undefined]);
    renderWithProviders(<ClaimNext />);
    await userEvent.click(screen.getByRole('button', { name: 'Claim next' }));
    expect(
      await screen.findByText('The queue is empty: no open, unassigned ticket to claim.'),
    ).toBeTruthy();
    expect(calls[0].method).toBe('POST');
    expect(new URL(calls[0].url).pathname).toBe('/tickets/claim');
  });

  it('should open the claimed ticket', async () => {
    stubFetch([200, { id: 42, status: 'in_progress' }]);
    renderWithProviders(<ClaimNext />);
    await userEvent.click(screen.getByRole('button', { name: 'Claim next' }));
    await screen.findByRole('button', { name: 'Claim next' });
    await expect.poll(() => location.pathname).toBe('/tickets/42');
  });
});
