import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';

import { problemFrom } from '../../api/problem';
import type { Ticket } from '../../api/types';
import { useFocusOnMount } from '../../shared/focus';
import { formatClock, plural } from '../../shared/format';
import { ErrorMessage } from '../../shared/messages';
import { navigate, useLocation } from '../../shared/router';
import { useSession } from '../../shared/session/session-context';
import { ExportButton } from '../reports/export-button';
import { ticketKeys, useQueue } from './hooks';
import { LevelCounts } from './level-counts';
import { LevelMemory } from './level-memory';
import { QueueFilters } from './queue-filters';
import {
  pageCount,
  parseQueueParams,
  queueUrl,
  toExportQuery,
  type QueueParams,
} from './queue-params';
import { QueueTable, ticketLinkId } from './queue-table';
import { Pager } from './pager';
import { rememberQueue, takeReturnTicket, rememberReturnTicket } from './queue-return';

export function QueuePage() {
  const location = useLocation();
  const params = parseQueueParams(location.searchParams);
  const { user } = useSession();
  const client = useQueryClient();
  const queue = useQueue(params);
  const returnTo = useRef(takeReturnTicket());
  const heading = useFocusOnMount<HTMLHeadingElement>(returnTo.current === undefined);
  const memory = useMemo(() => (user ? new LevelMemory(user.id) : undefined), [user]);
  const page = queue.data;
  const risen = useMemo(() => memory?.observe(page?.tickets ?? []) ?? new Map(), [memory, page]);

  const url = queueUrl(params);
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

  const go = (next: QueueParams) => navigate(queueUrl(next));
  const creatorOf = (ticket: Ticket) =>
    ticket.created_by === user?.id ? 'you' : `user #${ticket.created_by}`;
  const pages = page ? pageCount(page.total, params.limit) : 1;

  return (
    <section className="view" aria-labelledby="queue-heading">
      <div className="view-title">
        <h1 id="queue-heading" tabIndex={-1} ref={heading}>
          Queue
        </h1>
        <button
          type="button"
          className="button secondary"
          onClick={() => void client.invalidateQueries({ queryKey: ticketKeys.all })}
        >
          Refresh
        </button>
        {user && user.role !== 'reporter' && <ExportButton query={toExportQuery(params)} />}
      </div>
      <LevelCounts status={params.status} />
      <QueueFilters params={params} onChange={go} />
      <ErrorMessage problem={queue.error ? problemFrom(queue.error) : undefined} />
      <p className="muted queue-meta">
        <span role="status">
          {page &&
            `${plural(page.total, 'ticket')}${params.level || params.status ? ' match the filters' : ''}`}
        </span>{' '}
        {queue.dataUpdatedAt > 0 && (
          <span>
            · Updated{' '}
            <time dateTime={new Date(queue.dataUpdatedAt).toISOString()}>
              {formatClock(queue.dataUpdatedAt)}
            </time>
          </span>
        )}
      </p>
      {page && page.tickets.length > 0 && (
        <QueueTable
          tickets={page.tickets}
          risen={risen}
          creatorOf={creatorOf}
          onOpen={(ticket) => rememberReturnTicket(ticket.id)}
          now={queue.dataUpdatedAt || Date.now()}
        />
      )}
      {page && page.tickets.length === 0 && (
        <div className="empty card">
          <p>
            {params.page > pages
              ? 'This page is past the end of the queue.'
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
