import { useState, type FormEvent } from 'react';

import { problemFrom } from '../../api/problem';
import type { Invitation, Role } from '../../api/types';
import { formatDate } from '../../shared/format';
import { ErrorMessage } from '../../shared/messages';
import { useInviteUser, useOrganizations } from './hooks';

const ROLES: readonly Role[] = ['reporter', 'agent', 'admin'];

/** The setup link and token of an invitation: shown this once, the server keeps only a hash. */
export function InvitationNotice({ invitation }: { invitation: Invitation }) {
  const link = `${globalThis.location.origin}/setup#token=${invitation.setup_token}`;
  return (
    <div className="invitation" role="status" aria-label="Invitation">
      <p>
        Send <strong>{invitation.user.username}</strong> this link. It is shown only now and works
        once, until {formatDate(invitation.setup_expires_at)}.
      </p>
      <p>
        <label htmlFor="setup-link">Setup link</label>
        <input id="setup-link" readOnly value={link} onFocus={(e) => e.target.select()} />
      </p>
      <p className="muted">
        Token: <code data-testid="setup-token">{invitation.setup_token}</code>
      </p>
    </div>
  );
}

/** Invite a user: name, role and, for reporters, an organisation. */
export function InviteForm({ onInvited }: { onInvited: (invitation: Invitation) => void }) {
  const invite = useInviteUser();
  const organizations = useOrganizations();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [organization, setOrganization] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    const organization_id = role === 'reporter' && organization ? Number(organization) : undefined;
    invite.mutate(
      { username, role, organization_id },
      {
        onSuccess: (invitation) => {
          setUsername('');
          onInvited(invitation);
        },
      },
    );
  }
  return (
    <form className="inline-form admin-form" onSubmit={submit} aria-label="Invite a user">
      <label htmlFor="invite-username">Username</label>
      <input
        id="invite-username"
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <label htmlFor="invite-role">Role</label>
      <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      {role === 'reporter' && (
        <>
          <label htmlFor="invite-organization">Organisation</label>
          <select
            id="invite-organization"
            value={organization}
            onChange={(e) => setOrganization(e.target.value)}
          >
            <option value="">None</option>
            {organizations.data?.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="submit" className="button" disabled={invite.isPending}>
        Invite
      </button>
      {invite.error && <ErrorMessage problem={problemFrom(invite.error)} />}
    </form>
  );
}
