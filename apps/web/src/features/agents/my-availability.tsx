import { useSession } from '../../shared/session/session-context';
import { AvailabilityToggle } from './availability-toggle';
import { useAgents } from './hooks';

/** The signed-in agent's own availability switch ("My tickets"). */
export function MyAvailability() {
  const { user } = useSession();
  const agents = useAgents();
  const me = agents.data?.find((agent) => agent.id === user?.id);
  if (!me) return null;
  return (
    <section className="card my-availability" aria-label="Your availability">
      <AvailabilityToggle agent={me} own />
      <p className="muted">
        {me.open_assigned} of {me.capacity} active tickets assigned to you.
      </p>
    </section>
  );
}
