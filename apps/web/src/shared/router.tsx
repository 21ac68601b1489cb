import {
  createContext,
  useContext,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
} from 'react';

// A small History API router: the console has a handful of routes, matched in order.

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void) {
  listeners.add(listener);
  globalThis.addEventListener('popstate', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) globalThis.removeEventListener('popstate', notify);
  };
}

const currentUrl = () => globalThis.location.pathname + globalThis.location.search;

/** Path and query of the current page; re-renders on navigation. */
export function useLocation(): URL {
  const href = useSyncExternalStore(subscribe, currentUrl);
  return new URL(href, globalThis.location.origin);
}

export function navigate(to: string, { replace = false } = {}): void {
  if (to === currentUrl()) return;
  if (replace) globalThis.history.replaceState(null, '', to);
  else globalThis.history.pushState(null, '', to);
  notify();
}

/** `/tickets/:id` against `/tickets/42` → `{ id: '42' }`; undefined when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = pattern.replace(/:([a-z]+)/gi, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${source}/?$`).exec(path);
  if (!match) return undefined;
  return Object.fromEntries(
    names.map((name, index) => [name, decodeURIComponent(match[index + 1])]),
  );
}

export const RouteParams = createContext<Record<string, string>>({});
export const useParams = () => useContext(RouteParams);

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An `<a href>` that navigates in place (a modified click still opens a new tab). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
