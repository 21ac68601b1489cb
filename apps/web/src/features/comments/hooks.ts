import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';

import * as comments from '../../api/comments';
import type { NewComment } from '../../api/types';
import { ticketKeys } from '../tickets/hooks';

export const commentKeys = {
  thread: (id: number) => ['tickets', 'comments', id] as const,
};

/** The thread, oldest first, page by page ("Show older" is never needed: newest come last). */
export function useComments(id: number) {
  return useInfiniteQuery({
    queryKey: commentKeys.thread(id),
    queryFn: ({ pageParam, signal }) => comments.listComments(id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

/**
 * Posts a reply or a note. The ticket changes too (a first response meets its SLA, a reporter's
 * reply moves a pending ticket back to open), so the ticket and its history are asked again.
 */
export function useAddComment(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (comment: NewComment) => comments.addComment(id, comment),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: commentKeys.thread(id) }),
        client.invalidateQueries({ queryKey: ticketKeys.one(id) }),
        client.invalidateQueries({ queryKey: ticketKeys.events(id) }),
      ]),
  });
}
