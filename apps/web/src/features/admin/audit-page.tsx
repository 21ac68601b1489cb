import './admin.css';

import { problemFrom } from '../../api/problem';
import type { AuditEntry, AuditVerify } from '../../api/types';
import { useFocusOnMount } from '../../shared/focus';
import { formatDate } from '../../shared/format';
import { ErrorMessage } from '../../shared/messages';
import { useAuditTrail, useAuditVerify } from './hooks';

const state = (value: AuditEntry['before']) => (value ? JSON.stringify(value) : '—');

function VerifyResult({ result }: { result: AuditVerify }) {
  if (result.intact) {
    return (
      <p className="audit-verify ok" role="status">
        Chain intact: {result.entries} entries, each linked to the one before.
      </p>
    );
  }
  return (
    <p className="audit-verify broken" role="alert">
      Chain broken at entry {result.first_bad_id}: it, or the one before it, was changed or removed
      in the database.
    </p>
  );
}

/** Admins: every admin action, newest first, and the check of its hash chain. */
export default function AuditPage() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const trail = useAuditTrail();
  const verify = useAuditVerify();
  const entries = trail.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <section className="view" aria-labelledby="audit-heading">
      <h1 id="audit-heading" tabIndex={-1} ref={heading}>
        Audit trail
      </h1>
      {verify.data && <VerifyResult result={verify.data} />}
      <button type="button" className="button secondary" onClick={() => void verify.refetch()}>
        Verify again
      </button>
      <ErrorMessage problem={trail.error ? problemFrom(trail.error) : undefined} />
      <div className="table-wrap">
        <table className="audit">
          <caption className="visually-hidden">Audit trail</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.id}</td>
                <td>{formatDate(entry.at)}</td>
                <td>{entry.actor?.username ?? 'system'}</td>
                <th scope="row">{entry.action}</th>
                <td>{entry.target}</td>
                <td>
                  <code>{state(entry.before)}</code>
                </td>
                <td>
                  <code>{state(entry.after)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {trail.hasNextPage && (
        <button
          type="button"
          className="button secondary"
          disabled={trail.isFetchingNextPage}
          onClick={() => void trail.fetchNextPage()}
        >
          Older entries
        </button>
      )}
    </section>
  );
}
