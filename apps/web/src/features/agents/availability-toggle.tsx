import { problemFrom } from '../../api/problem';
import type { Agent } from '../../api/types';
import { ErrorMessage } from '../../shared/messages';
import { useUpdateAgent } from './hooks';

/**
 * "Available for new work": a switch that says its state in words too. Auto-assignment hands
 * work only to available agents; claiming and manual assignment ignore it.
 */
export function AvailabilityToggle({ agent, own }: { agent: Agent; own: boolean }) {
  const update = useUpdateAgent();
  const id = `available-${agent.id}`;
  return (
    <div className="availability">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={agent.available}
        disabled={update.isPending}
        aria-describedby={`${id}-state`}
        onChange={(event) => update.mutate({ id: agent.id, available: event.target.checked })}
      />
      <label htmlFor={id}>
        {own ? 'Available for new work' : `${agent.username} available for new work`}
      </label>
      <span id={`${id}-state`} className="muted" role="status">
        {agent.available
          ? 'On: auto-assignment may hand out tickets.'
          : 'Off: no tickets are auto-assigned.'}
      </span>
      {update.error && <ErrorMessage problem={problemFrom(update.error)} />}
    </div>
  );
}
