import { useState, type FormEvent } from 'react';

import { problemFrom } from '../../api/problem';
import type { Comment } from '../../api/types';
import { formatDate } from '../../shared/format';
import { ErrorMessage, FieldError } from '../../shared/messages';
import { useAddComment, useComments } from './hooks';

const ROLE: Record<Comment['author']['role'], string> = {
  reporter: 'Reporter',
  agent: 'Support agent',
  admin: 'Admin',
};

function CommentItem({ comment }: { comment: Comment }) {
  return (
    <li className={`comment${comment.internal ? ' internal' : ''}`}>
      <article
        aria-label={`${comment.internal ? 'Internal note' : 'Reply'} by ${comment.author.username}`}
      >
        <p className="comment-meta">
          {comment.internal && <span className="internal-tag">Internal note</span>}
          <strong>{comment.author.username}</strong>{' '}
          <span className="muted">
            ({ROLE[comment.author.role]}),{' '}
            <time dateTime={comment.created_at}>{formatDate(comment.created_at)}</time>
          </span>
        </p>
        <p className="comment-body">{comment.body}</p>
      </article>
    </li>
  );
}

function CommentForm({ ticketId, staff }: { ticketId: number; staff: boolean }) {
  const add = useAddComment(ticketId);
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [sent, setSent] = useState('');
  const [fieldError, setFieldError] = useState<string[]>();
  const problem = add.error ? problemFrom(add.error) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSent('');
    const text = body.trim();
    if (text.length === 0 || text.length > 10_000) {
      setFieldError(['Write 1 to 10,000 characters.']);
      return;
    }
    setFieldError(undefined);
    add.mutate(
      { body: text, ...(staff && internal && { internal: true }) },
      {
        onSuccess: (comment) => {
          setBody('');
          setSent(comment.internal ? 'Internal note added.' : 'Reply sent.');
        },
      },
    );
  }

  const messages = fieldError ?? problem?.fields.body;
  return (
    <form className="stack comment-form" noValidate onSubmit={submit}>
      <ErrorMessage problem={problem && !problem.fields.body ? problem : undefined} />
      <div className="field">
        <label htmlFor="comment-body">Message</label>
        <textarea
          id="comment-body"
          rows={4}
          maxLength={10_000}
          value={body}
          aria-invalid={messages ? true : undefined}
          aria-describedby="comment-body-error"
          onChange={(event) => setBody(event.target.value)}
        />
        <FieldError id="comment-body-error" messages={messages} />
      </div>
      {staff && (
        <div className="checkbox">
          <input
            id="comment-internal"
            type="checkbox"
            checked={internal}
            aria-describedby="comment-internal-hint"
            onChange={(event) => setInternal(event.target.checked)}
          />
          <label htmlFor="comment-internal">Internal note</label>
          <p id="comment-internal-hint" className="hint">
            Only agents and admins see it; the reporter is not told.
          </p>
        </div>
      )}
      <button type="submit" className="button primary" disabled={add.isPending}>
        {staff && internal ? 'Add internal note' : 'Send reply'}
      </button>
      <p className="message info" role="status">
        {sent}
      </p>
    </form>
  );
}

/** The conversation: replies and (for agents and admins) internal notes, oldest first. */
export function CommentThread({
  ticketId,
  staff,
  pending = false,
}: {
  ticketId: number;
  staff: boolean;
  /** The ticket waits on the customer: a reporter is told that answering resumes it. */
  pending?: boolean;
}) {
  const thread = useComments(ticketId);
  const comments = thread.data?.pages.flatMap((page) => page.comments) ?? [];
  return (
    <section className="card stack" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Conversation</h2>
      {thread.error && <ErrorMessage problem={problemFrom(thread.error)} />}
      {thread.data && comments.length === 0 && <p className="muted">No replies yet.</p>}
      {comments.length > 0 && (
        <ol className="comments" aria-label="Comments">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} />
          ))}
        </ol>
      )}
      {thread.hasNextPage && (
        <button
          type="button"
          className="button secondary"
          disabled={thread.isFetchingNextPage}
          onClick={() => void thread.fetchNextPage()}
        >
          Show more comments
        </button>
      )}
      {pending && !staff && (
        <p className="waiting-note">
          This ticket is waiting for your answer. Replying here sends it back to the support team.
        </p>
      )}
      <CommentForm ticketId={ticketId} staff={staff} />
    </section>
  );
}
