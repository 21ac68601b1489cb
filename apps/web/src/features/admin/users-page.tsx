import './admin.css';

import { useState } from 'react';

import { problemFrom } from '../../api/problem';
import type { AdminUser, Invitation, Role, UserQuery } from '../../api/types';
import { useFocusOnMount } from '../../shared/focus';
import { formatDate } from '../../shared/format';
import { ErrorMessage } from '../../shared/messages';
import { useSession } from '../../shared/session/session-context';
import { useOrganizations, useReinviteUser, useUpdateUser, useUsers } from './hooks';
import { InvitationNotice, InviteForm } from './invite-form';

const ROLES: readonly Role[] = ['reporter', 'agent', 'admin'];

function UserRow({ user, onInvited }: { user: AdminUser; onInvited: (i: Invitation) => void }) {
  const update = useUpdateUser();
  const reinvite = useReinviteUser();
  const organizations = useOrganizations();
  const { user: me } = useSession();
  const self = me?.id === user.id;
  return (
    <tr>
      <th scope="row">
        {user.username} {user.disabled && <span className="muted">(disabled)</span>}
      </th>
      <td>
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          Role of {user.username}
        </label>
        <select
          id={`role-${user.id}`}
          value={user.role}
          disabled={self || update.isPending}
          onChange={(e) => update.mutate({ id: user.id, role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </td>
      <td>
        {user.role === 'reporter' ? (
          <>
            <label className="visually-hidden" htmlFor={`org-${user.id}`}>
              Organisation of {user.username}
            </label>
            <select
              id={`org-${user.id}`}
              value={user.organization?.id ?? ''}
              disabled={update.isPending}
              onChange={(e) =>
                update.mutate({
                  id: user.id,
                  organization_id: e.target.value ? Number(e.target.value) : null,
                })
              }
            >
              <option value="">None</option>
              {organizations.data?.organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>{formatDate(user.created_at)}</td>
      <td className="row-actions">
        {!self && (
          <button
            type="button"
            className="button secondary"
            disabled={update.isPending}
            onClick={() => update.mutate({ id: user.id, disabled: !user.disabled })}
          >
            {user.disabled ? `Enable ${user.username}` : `Disable ${user.username}`}
          </button>
        )}
        {!user.disabled && !self && (
          <button
            type="button"
            className="button secondary"
            disabled={reinvite.isPending}
            onClick={() => reinvite.mutate(user.id, { onSuccess: onInvited })}
          >
            New setup link
          </button>
        )}
        {(update.error ?? reinvite.error) && (
          <ErrorMessage problem={problemFrom(update.error ?? reinvite.error)} />
        )}
      </td>
    </tr>
  );
}

/** Admins: invite users, change roles and organisations, disable accounts. */
export default function UsersPage() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [query, setQuery] = useState<UserQuery>({ limit: 100 });
  const [invitation, setInvitation] = useState<Invitation>();
  const users = useUsers(query);
  return (
    <section className="view" aria-labelledby="users-heading">
      <h1 id="users-heading" tabIndex={-1} ref={heading}>
        Users
      </h1>
      <InviteForm onInvited={setInvitation} />
      {invitation && <InvitationNotice invitation={invitation} />}
      <form className="inline-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="users-q">Find by name</label>
        <input
          id="users-q"
          type="search"
          value={query.q ?? ''}
          onChange={(e) => setQuery({ ...query, q: e.target.value || undefined })}
        />
        <label htmlFor="users-role">Show role</label>
        <select
          id="users-role"
          value={query.role ?? ''}
          onChange={(e) => setQuery({ ...query, role: (e.target.value || undefined) as Role })}
        >
          <option value="">Any</option>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </form>
      <ErrorMessage problem={users.error ? problemFrom(users.error) : undefined} />
      {users.data && (
        <div className="table-wrap">
          <table className="users">
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Organisation</th>
                <th scope="col">Created</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((user) => (
                <UserRow key={user.id} user={user} onInvited={setInvitation} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
