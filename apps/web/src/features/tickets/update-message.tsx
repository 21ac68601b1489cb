import { useState } from 'react';

import { ApiError, problemFrom } from '../../api/problem';
import { changedMeanwhile } from './ticket-changes';

export interface UpdateMessage {
  kind: 'error' | 'info';
  text: string;
}

/** The outcome of a change, said in words: a 409 means the ticket changed meanwhile. */
export function useUpdateMessage(id: number) {
  const [message, setMessage] = useState<UpdateMessage>();
  return {
    message,
    info: (text: string) => setMessage({ kind: 'info', text }),
    clear: () => setMessage(undefined),
    fail: (error: unknown) =>
      setMessage({
        kind: 'error',
        text:
          error instanceof ApiError && error.status === 409
            ? changedMeanwhile(id)
            : problemFrom(error).detail,
      }),
  };
}

export function UpdateMessageView({ message }: { message?: UpdateMessage }) {
  return message?.kind === 'error' ? (
    <div className="message" role="alert">
      {message.text}
    </div>
  ) : (
    <p className="message info" role="status">
      {message?.text}
    </p>
  );
}
