import { useState } from 'react';

import { problemFrom } from '../../api/problem';
import { navigate } from '../../shared/router';
import { setFlash } from '../../shared/flash';
import { useClaimNext } from './hooks';

/**
 * "Claim next": the top open, unassigned ticket in queue order becomes yours and in progress,
 * and opens; when there is none, says so where the button is.
 */
export function ClaimNext() {
  const claim = useClaimNext();
  const [empty, setEmpty] = useState(false);
  function run() {
    setEmpty(false);
    claim.mutate(
      {},
      {
        onSuccess: (ticket) => {
          if (!ticket) {
            setEmpty(true);
            return;
          }
          setFlash(`You claimed ticket ${ticket.id}; it is now in progress.`);
          navigate(`/tickets/${ticket.id}`);
        },
      },
    );
  }
  return (
    <div className="claim-next">
      <button
        type="button"
        className="button primary"
        disabled={claim.isPending}
        aria-describedby="claim-next-result"
        onClick={run}
      >
        Claim next
      </button>
      <p id="claim-next-result" className="claim-result" role="status">
        {empty && 'The queue is empty: no open, unassigned ticket to claim.'}
        {claim.error && problemFrom(claim.error).detail}
      </p>
    </div>
  );
}
