import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';

import { problemFrom } from '../../api/problem';
import type { Ticket } from '../../api/types';
import { useFocusOnMount } from '../../shared/focus';
import { formatClock, plural } from '../../shared/format';
import { ErrorMessage } from '../../shared/messages';
import { navigate, useLocation } from '../../shared/router';
import { useSession } from '../../shared/session/session-context';
import { MyAvailability } from '../agents/my-availability';
import { ClaimNext } from './claim-next';
import { ExportButton } from '../reports/export-button';
import { useLiveUpdates } from '../stream/live-status';
import { ticketKeys, useQueue } from './hooks';
import { LevelCounts } from './level-counts';
import { LevelMemory } from './level-memory';
import { QueueFilters } from './queue-filters';
import {
  isFiltered,
  pageCount,
  parseQueueParams,
  queueUrl,
  toExportQuery,
  type QueueParams,
} from './queue-params';
import { QueueTable, ticketLinkId } from './queue-table';
import { Pager } from './pager';
import { rememberQueue, takeReturnTicket, rememberReturnTicket } from './queue-return';

export const MY_TICKETS_PATH = '/my-tickets';

/**
 * The queue in priority order; with `mine`, "My tickets": the same page narrowed to the
 * signed-in agent's assigned tickets, with their availability switch.
 */
export function QueuePage({ mine = false }: { mine?: boolean }) {
  const location = useLocation();
  const parsed = parseQueueParams(location.searchParams);
  const params: QueueParams = mine ? { ...parsed, assignee: 'me' } : parsed;
  const path = mine ? MY_TICKETS_PATH : '/';
  const { user } = useSession();
  const staff = user?.role === 'agent' || user?.role === 'admin';
  const client = useQueryClient();
  const queue = useQueue(params);
  const live = useLiveUpdates();
  const returnTo = useRef(takeReturnTicket());
  const heading = useFocusOnMount<HTMLHeadingElement>(returnTo.current === undefined);
  const memory = useMemo(() => (user ? new LevelMemory(user.id) : undefined), [user]);
  const page = queue.data;
  const risen = useMemo(() => memory?.observe(page?.tickets ?? []) ?? new Map(), [memory, page]);

  const url = queueUrl(mine ? { ...params, assignee: undefined } : params, path);
  useEffect(() => rememberQueue(url), [url]);

  // Back from a ticket: focus returns to its link (once the rows are there).
  useEffect(() => {
    const id = returnTo.current;
    if (id === undefined || !page) return;
    returnTo.current = undefined;
    const link = document.getElementById(ticketLinkId(id));
    if (link) link.focus();
    else heading.current?.focus();
  }, [page, heading]);

  const go = (next: QueueParams) =>
    navigate(queueUrl(mine ? { ...next, assignee: undefined } : next, path));
  const creatorOf = (ticket: Ticket) =>
    ticket.created_by === user?.id ? 'you' : `user #${ticket.created_by}`;
  const assigneeOf = (ticket: Ticket) =>
    !ticket.assignee
      ? 'Unassigned'
      : ticket.assignee.id === user?.id
        ? 'you'
        : ticket.assignee.username;
  const pages = page ? pageCount(page.total, params.limit) : 1;
  const filtered = isFiltered(mine ? { ...params, assignee: undefined } : params);
  const title = mine ? 'My tickets' : 'Queue';

  return (
    <section className="view" aria-labelledby="queue-heading">
      <div className="view-title">
        <h1 id="queue-heading" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {staff && <ClaimNext />}
        <button
          type="button"
          className="button secondary"
          onClick={() => void client.invalidateQueries({ queryKey: ticketKeys.all })}
        >
          Refresh
        </button>
        {user && user.role !== 'reporter' && <ExportButton query={toExportQuery(params)} />}
      </div>
      {mine && staff && <MyAvailability />}
      <LevelCounts status={params.status} assignee={params.assignee} />
      <QueueFilters params={params} onChange={go} assignee={staff && !mine} />
      <ErrorMessage problem={queue.error ? problemFrom(queue.error) : undefined} />
      <p className="muted queue-meta">
        <span role="status">
          {page && `${plural(page.total, 'ticket')}${filtered ? ' match the filters' : ''}`}
        </span>{' '}
        {queue.dataUpdatedAt > 0 && (
          <span>
            · Updated{' '}
            <time dateTime={new Date(queue.dataUpdatedAt).toISOString()}>
              {formatClock(queue.dataUpdatedAt)}
            </time>
          </span>
        )}{' '}
        <span className="live-state">
          · {live ? 'Live updates' : 'Refreshing every 30 s (live updates unavailable)'}
        </span>
      </p>
      {page && page.tickets.length > 0 && (
        <QueueTable
          tickets={page.tickets}
          risen={risen}
          creatorOf={creatorOf}
          assigneeOf={staff ? assigneeOf : undefined}
          onOpen={(ticket) => rememberReturnTicket(ticket.id)}
          now={queue.dataUpdatedAt || Date.now()}
        />
      )}
      {page && page.tickets.length === 0 && (
        <div className="empty card">
          <p>
            {params.page > pages
              ? 'This page is past the end of the queue.'
              : mine && !filtered
                ? 'No tickets are assigned to you. Claim the next one from the queue.'
                : 'No tickets match these filters.'}
          </p>
        </div>
      )}
      {page && (
        <Pager page={params.page} pages={pages} onPage={(next) => go({ ...params, page: next })} />
      )}
    </section>
  );
}

export default function MyTicketsPage() {
  return <QueuePage mine />;
}
