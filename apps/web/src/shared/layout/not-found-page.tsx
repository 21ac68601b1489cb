import { useFocusOnMount } from '../focus';
import { Link } from '../router';

export function NotFoundPage() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="view view-narrow" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading" tabIndex={-1} ref={heading}>
        Page not found
      </h1>
      <p>There is no page at this address.</p>
      <p>
        <Link to="/">Go to the queue</Link>
      </p>
    </section>
  );
}
