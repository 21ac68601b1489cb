import type { Me } from '../../api/types';

/** What tabs of one browser tell each other about the one session they share. */
export type TabMessage =
  | { type: 'token'; user: Me; accessToken: string; expiresAt: number; lifetimeMs: number }
  | { type: 'signed-out' }
  | { type: 'who-has-a-token' };

export interface TabChannel {
  post(message: TabMessage): void;
  listen(handler: (message: TabMessage) => void): void;
}

/** A BroadcastChannel, or a silent stand-in where there is none (old browsers, jsdom). */
export function openTabChannel(name = 'tps-session'): TabChannel {
  if (typeof BroadcastChannel === 'undefined') {
    return { post: () => undefined, listen: () => undefined };
  }
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen: (handler) => {
      channel.onmessage = (event: MessageEvent<TabMessage>) => handler(event.data);
    },
  };
}

/**
 * Runs `task` while holding a lock shared by every tab of this origin (Web Locks API), so one
 * tab rotates the refresh cookie at a time. Without the API (one tab only), runs it directly.
 */
export function withTabLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return task();
  return locks.request(name, task);
}
