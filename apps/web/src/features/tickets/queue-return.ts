// Where "Back to queue" goes and which ticket gets focus there, for this tab.
const QUEUE_URL = 'tps.queue.url';
const FROM_TICKET = 'tps.queue.from';

const storage = () => globalThis.sessionStorage;

export const rememberQueue = (url: string) => storage()?.setItem(QUEUE_URL, url);

export const lastQueueUrl = () => storage()?.getItem(QUEUE_URL) ?? '/';

export const rememberReturnTicket = (id: number) => storage()?.setItem(FROM_TICKET, String(id));

/** The ticket the user came back from, once. */
export function takeReturnTicket(): number | undefined {
  const id = Number(storage()?.getItem(FROM_TICKET));
  storage()?.removeItem(FROM_TICKET);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}
