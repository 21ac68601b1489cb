import { useState, type FormEvent } from 'react';

import { problemFrom } from '../../api/problem';
import type { Agent } from '../../api/types';
import { useFocusOnMount } from '../../shared/focus';
import { formatDate, formatNumber } from '../../shared/format';
import { ErrorMessage } from '../../shared/messages';
import { useSession } from '../../shared/session/session-context';
import { AvailabilityToggle } from './availability-toggle';
import { useAgents, useUpdateAgent } from './hooks';

function CapacityForm({ agent }: { agent: Agent }) {
  const update = useUpdateAgent();
  const [value, setValue] = useState(String(agent.capacity));
  const id = `capacity-${agent.id}`;
  function submit(event: FormEvent) {
    event.preventDefault();
    const capacity = Number(value);
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > 1000) return;
    update.mutate({ id: agent.id, capacity });
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        Capacity of {agent.username}
      </label>
      <input
        id={id}
        type="number"
        min={0}
        max={1000}
        step={1}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button secondary" disabled={update.isPending}>
        Save
      </button>
      {update.error && <ErrorMessage problem={problemFrom(update.error)} />}
    </form>
  );
}

/** Agents and admins: availability, capacity and load; admins may change anyone's. */
export default function AgentsPage() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { user } = useSession();
  const agents = useAgents();
  const admin = user?.role === 'admin';
  return (
    <section className="view" aria-labelledby="agents-heading">
      <h1 id="agents-heading" tabIndex={-1} ref={heading}>
        Agents
      </h1>
      <p className="muted">
        Auto-assignment gives waiting tickets to available agents with the most spare capacity.
        Agents set their own availability; admins set anyone&apos;s, and capacities.
      </p>
      <ErrorMessage problem={agents.error ? problemFrom(agents.error) : undefined} />
      {agents.data && (
        <div className="table-wrap">
          <table className="agents">
            <caption className="visually-hidden">Agents</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Available</th>
                <th scope="col" className="num">
                  Active tickets
                </th>
                <th scope="col">Capacity</th>
                <th scope="col">Last assigned</th>
              </tr>
            </thead>
            <tbody>
              {agents.data.map((agent) => (
                <tr key={agent.id}>
                  <th scope="row">
                    {agent.username} <span className="muted">({agent.role})</span>
                  </th>
                  <td>
                    {admin || agent.id === user?.id ? (
                      <AvailabilityToggle agent={agent} own={agent.id === user?.id} />
                    ) : agent.available ? (
                      'Yes'
                    ) : (
                      'No'
                    )}
                  </td>
                  <td className="num">{formatNumber(agent.open_assigned)}</td>
                  <td>{admin ? <CapacityForm agent={agent} /> : formatNumber(agent.capacity)}</td>
                  <td>{agent.last_assigned_at ? formatDate(agent.last_assigned_at) : 'Never'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
