import { useEffect, useState } from 'react';

// A sentence one page leaves for the next (after a claim, "You claimed ticket 42"), shown once.
let pending: string | undefined;

export function setFlash(text: string): void {
  pending = text;
}

/** The waiting sentence, taken once when the page mounts. */
export function useFlash(): string | undefined {
  const [text] = useState(() => pending);
  useEffect(() => {
    pending = undefined;
  }, []);
  return text;
}

export function Flash({ text }: { text?: string }) {
  return (
    <p className="message info" role="status">
      {text}
    </p>
  );
}
