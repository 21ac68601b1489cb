import { useState } from 'react';

import { problemFrom } from '../../api/problem';
import type { ActivePolicy, PolicyVersion } from '../../api/types';
import { formatDate } from '../../shared/format';
import { ErrorMessage } from '../../shared/messages';
import { policyDiff } from './policy-form';
import { useActivateVersion, usePolicyVersions } from './policy-hooks';
import { ReasonForm } from './reason-form';

function VersionRow({ version, active }: { version: PolicyVersion; active: ActivePolicy }) {
  const activate = useActivateVersion();
  const [asking, setAsking] = useState(false);
  const diff = policyDiff(version, active);
  const current = version.version === active.version;
  return (
    <tr>
      <th scope="row">v{version.version}</th>
      <td>
        {version.reason}
        <br />
        <span className="muted">
          {version.created_by?.username ?? 'start-up'}, {formatDate(version.created_at)}
        </span>
      </td>
      <td>
        {current ? (
          'In force'
        ) : diff.length === 0 ? (
          'Same as in force'
        ) : (
          <ul aria-label={`Changes of version ${version.version}`}>
            {diff.map((d) => (
              <li key={d.path}>
                <code>{d.path}</code>: {d.from} → {d.to}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {!current && !asking && (
          <button type="button" className="button secondary" onClick={() => setAsking(true)}>
            Bring back version {version.version}
          </button>
        )}
        {asking && (
          <ReasonForm
            id={`bring-back-${version.version}`}
            confirm={`Confirm bringing back version ${version.version}`}
            pending={activate.isPending}
            problem={activate.error ? problemFrom(activate.error) : undefined}
            onCancel={() => setAsking(false)}
            onSubmit={(reason) =>
              activate.mutate(
                { version: version.version, reason },
                { onSuccess: () => setAsking(false) },
              )
            }
          />
        )}
      </td>
    </tr>
  );
}

/** The loaded pages as one list; a version saved meanwhile shifts pages, so one may repeat. */
function uniqueVersions(pages: { versions: PolicyVersion[] }[]): PolicyVersion[] {
  const byVersion = new Map<number, PolicyVersion>();
  for (const v of pages.flatMap((page) => page.versions)) {
    if (!byVersion.has(v.version)) byVersion.set(v.version, v);
  }
  return [...byVersion.values()];
}

/** Every version, newest first, each with what it would change against the one in force. */
export function PolicyVersions({ active }: { active: ActivePolicy }) {
  const versions = usePolicyVersions();
  if (!versions.data) {
    return versions.error ? <ErrorMessage problem={problemFrom(versions.error)} /> : null;
  }
  const list = uniqueVersions(versions.data.pages);
  const total = versions.data.pages.at(-1)?.total ?? list.length;
  return (
    <>
      <div className="table-wrap">
        <table className="policy-versions" aria-label="Policy versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Reason</th>
              <th scope="col">Against the one in force</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {list.map((v) => (
              <VersionRow key={v.version} version={v} active={active} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted" role="status">
        {list.length} of {total} versions shown
      </p>
      <ErrorMessage problem={versions.error ? problemFrom(versions.error) : undefined} />
      {versions.hasNextPage && (
        <button
          type="button"
          className="button secondary"
          disabled={versions.isFetchingNextPage}
          onClick={() => void versions.fetchNextPage()}
        >
          Load older versions
        </button>
      )}
    </>
  );
}
