import './admin.css';

import { useState, type FormEvent } from 'react';

import { problemFrom } from '../../api/problem';
import type { CustomerType, Organization } from '../../api/types';
import { useFocusOnMount } from '../../shared/focus';
import { ErrorMessage } from '../../shared/messages';
import { useCreateOrganization, useOrganizations, useUpdateOrganization } from './hooks';

const TIERS: readonly CustomerType[] = ['enterprise', 'paid', 'free'];

function TierSelect(props: {
  id: string;
  value: CustomerType;
  onChange: (t: CustomerType) => void;
}) {
  return (
    <select
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as CustomerType)}
    >
      {TIERS.map((t) => (
        <option key={t}>{t}</option>
      ))}
    </select>
  );
}

function OrganizationRow({ organization }: { organization: Organization }) {
  const update = useUpdateOrganization();
  const [name, setName] = useState(organization.name);
  const id = organization.id;
  function rename(event: FormEvent) {
    event.preventDefault();
    if (name.trim() && name !== organization.name) update.mutate({ id, name });
  }
  return (
    <tr>
      <th scope="row">
        <form className="inline-form" onSubmit={rename}>
          <label className="visually-hidden" htmlFor={`org-name-${id}`}>
            Name of {organization.name}
          </label>
          <input id={`org-name-${id}`} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button secondary" disabled={update.isPending}>
            Rename
          </button>
        </form>
      </th>
      <td>
        <label className="visually-hidden" htmlFor={`org-tier-${id}`}>
          Tier of {organization.name}
        </label>
        <TierSelect
          id={`org-tier-${id}`}
          value={organization.customer_type}
          onChange={(customer_type) => update.mutate({ id, customer_type })}
        />
        {update.error && <ErrorMessage problem={problemFrom(update.error)} />}
      </td>
    </tr>
  );
}

/** Admins: customers and their tier, which their reporters' tickets take. */
export default function OrganizationsPage() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const organizations = useOrganizations();
  const create = useCreateOrganization();
  const [name, setName] = useState('');
  const [tier, setTier] = useState<CustomerType>('paid');
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, customer_type: tier }, { onSuccess: () => setName('') });
  }
  return (
    <section className="view" aria-labelledby="organizations-heading">
      <h1 id="organizations-heading" tabIndex={-1} ref={heading}>
        Organisations
      </h1>
      <p className="muted">
        A reporter who belongs to an organisation files every ticket with its tier. A new tier
        applies to tickets filed from then on.
      </p>
      <form className="inline-form admin-form" onSubmit={submit} aria-label="New organisation">
        <label htmlFor="new-org-name">Name</label>
        <input id="new-org-name" required value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="new-org-tier">Tier</label>
        <TierSelect id="new-org-tier" value={tier} onChange={setTier} />
        <button type="submit" className="button" disabled={create.isPending}>
          Add organisation
        </button>
        {create.error && <ErrorMessage problem={problemFrom(create.error)} />}
      </form>
      <ErrorMessage problem={organizations.error ? problemFrom(organizations.error) : undefined} />
      {organizations.data && (
        <div className="table-wrap">
          <table className="organizations">
            <caption className="visually-hidden">Organisations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Tier</th>
              </tr>
            </thead>
            <tbody>
              {organizations.data.organizations.map((o) => (
                <OrganizationRow key={o.id} organization={o} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
