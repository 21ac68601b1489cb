import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { Comment } from '../../api/types';
import { AGENT, renderWithProviders, signedInSession, stubFetch } from '../../test/render';
import { CommentThread } from './comment-thread';

const comment = (id: number, internal: boolean, body: string): Comment => ({
  id,
  ticket_id: 4,
  author: { id: 7, username: 'maria', role: 'agent' },
  body,
  internal,
  created_at: '2026-12-01T10:00:00.000Z',
});
const page = (...comments: Comment[]) => ({ comments, next_cursor: null });

describe(CommentThread.name, () => {
  it('should send an internal note when the toggle is on, and mark it as one', async () => {
    const reply = comment(1, false, 'On it');
    const note = comment(2, true, 'Gateway again');
    const calls = stubFetch([200, page(reply)], [201, note], [200, page(reply, note)]);
    renderWithProviders(<CommentThread ticketId={4} staff />);
    expect(await screen.findByText('On it')).toBeTruthy();
    await userEvent.click(screen.getByLabelText('Internal note'));
    await userEvent.type(screen.getByLabelText('Message'), 'Gateway again');
    await userEvent.click(screen.getByRole('button', { name: 'Add internal note' }));
    expect(await screen.findByText('Internal note added.')).toBeTruthy();
    expect(await calls[1].json()).toEqual({ body: 'Gateway again', internal: true });
    const article = await screen.findByRole('article', { name: 'Internal note by maria' });
    expect(article.textContent).toMatch(/^Internal note/);
    expect(screen.getByRole('article', { name: 'Reply by maria' })).toBeTruthy();
  });

  it('should offer a reporter no internal toggle and send a plain reply', async () => {
    const reporter = { ...AGENT, id: 3, username: 'rita', role: 'reporter' as const };
    const calls = stubFetch([200, page()], [201, comment(3, false, 'Thanks')], [200, page()]);
    renderWithProviders(
      <CommentThread ticketId={4} staff={false} pending />,
      signedInSession(reporter),
    );
    expect(await screen.findByText('No replies yet.')).toBeTruthy();
    expect(screen.getByText(/waiting for your answer/)).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(screen.getByText('Write 1 to 10,000 characters.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Message'), 'Thanks');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(await screen.findByText('Reply sent.')).toBeTruthy();
    expect(await calls[1].json()).toEqual({ body: 'Thanks' });
  });
});
