import { useEffect, useRef } from 'react';

/** Moves focus to the element once it is on screen (a page heading on a route change). */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}
