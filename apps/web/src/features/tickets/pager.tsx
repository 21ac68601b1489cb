import { useRef, type RefObject } from 'react';

interface Props {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** Previous / next; when the focused button becomes disabled, focus moves to the other one. */
export function Pager({ page, pages, onPage }: Props) {
  const previous = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const go = (target: number, other: RefObject<HTMLButtonElement | null>, edge: boolean) => {
    onPage(target);
    if (edge) other.current?.focus();
  };
  return (
    <nav className="pager" aria-label="Pagination">
      <button
        ref={previous}
        type="button"
        className="button secondary"
        disabled={page <= 1}
        onClick={() => go(page - 1, next, page - 1 <= 1)}
      >
        Previous
      </button>
      <span className="page-info">
        Page {page} of {pages}
      </span>
      <button
        ref={next}
        type="button"
        className="button secondary"
        disabled={page >= pages}
        onClick={() => go(page + 1, previous, page + 1 >= pages)}
      >
        Next
      </button>
    </nav>
  );
}
