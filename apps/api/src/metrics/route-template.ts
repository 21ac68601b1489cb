import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';

/** Label for requests that matched no route, so random paths cannot blow up cardinality. */
export const UNMATCHED_ROUTE = 'unmatched';

type RawWithRoute = IncomingMessage & { routeTemplate?: string };

/** `/tickets/:id`, never `/tickets/42`: kept on the raw request for the access log. */
export function rememberRouteTemplate(request: FastifyRequest): string {
  const route = request.routeOptions?.url ?? UNMATCHED_ROUTE;
  (request.raw as RawWithRoute).routeTemplate = route;
  return route;
}

export function routeTemplateOf(raw: IncomingMessage): string | undefined {
  return (raw as RawWithRoute).routeTemplate;
}
