import { api, unwrap } from './client';
import type { NewComment } from './types';

// The comment thread of a ticket: oldest first, paged by cursor.

export const listComments = (id: number, cursor?: string, signal?: AbortSignal) =>
  unwrap(
    api.GET('/tickets/{id}/comments', {
      params: { path: { id }, query: { limit: 50, ...(cursor && { cursor }) } },
      signal,
    }),
  );

export const addComment = (id: number, comment: NewComment) =>
  unwrap(api.POST('/tickets/{id}/comments', { params: { path: { id } }, body: comment }));
