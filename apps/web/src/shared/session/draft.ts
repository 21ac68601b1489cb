import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'tps.draft.';

function read<T>(key: string, initial: T): T {
  try {
    const saved = globalThis.sessionStorage?.getItem(PREFIX + key);
    return saved ? { ...initial, ...(JSON.parse(saved) as Partial<T>) } : initial;
  } catch {
    return initial;
  }
}

/**
 * Form state kept in sessionStorage as it is typed, so a forced sign-in (or a reload) does not
 * lose it. It stays in this tab only and ends with it; `clear()` after a successful submit.
 */
export function useDraft<T extends object>(key: string, initial: T) {
  const [value, setValue] = useState<T>(() => read(key, initial));

  useEffect(() => {
    globalThis.sessionStorage?.setItem(PREFIX + key, JSON.stringify(value));
  }, [key, value]);

  const clear = useCallback(() => {
    globalThis.sessionStorage?.removeItem(PREFIX + key);
    setValue(initial);
  }, [key, initial]);

  return [value, setValue, clear] as const;
}
